package io.miniauth.emulator.api;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A WeChat error body, {@code {"errcode":N,"errmsg":"..."}}. WeChat answers errors with
 * HTTP 200 and appends a request id to the message, so clients must match on
 * {@code errcode} only.
 *
 * @param errcode WeChat's error code
 * @param errmsg the phrase followed by {@code , rid: ...}
 */
public record WeChatError(int errcode, String errmsg) {

	public static WeChatError of(int errcode, String phrase) {
		return new WeChatError(errcode, phrase + ", rid: " + rid());
	}

	private static String rid() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return String.format("%08x-%08x-%08x", random.nextInt(), random.nextInt(), random.nextInt());
	}

}
