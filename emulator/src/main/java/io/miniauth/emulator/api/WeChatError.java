package io.miniauth.emulator.api;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WeChat error body, {@code {"errcode":N,"errmsg":"..."}}. WeChat answers errors with
 * HTTP 200 and appends a request id to the message, so clients must match on
 * {@code errcode} only. Each errcode the emulator answers has one phrase, kept here for
 * the endpoints and for injected faults alike.
 *
 * @param errcode WeChat's error code
 * @param errmsg the phrase followed by {@code , rid: ...}
 */
public record WeChatError(int errcode, String errmsg) {

	/** The phrase of an injected errcode that no endpoint answers. */
	private static final String INJECTED_PHRASE = "injected error";

	private static final Map<Integer, String> PHRASES = phrases();

	/**
	 * The error WeChat answers for an errcode, with its phrase and a fresh request id.
	 * @param errcode one of the errcodes the emulator answers
	 * @return the error
	 * @throws IllegalArgumentException for an errcode with no phrase
	 */
	public static WeChatError of(int errcode) {
		String phrase = PHRASES.get(errcode);
		if (phrase == null) {
			throw new IllegalArgumentException("No phrase for errcode " + errcode);
		}
		return withPhrase(errcode, phrase);
	}

	/**
	 * The error for an injected fault: WeChat's phrase when the emulator knows the
	 * errcode, otherwise a phrase saying it was injected.
	 * @param errcode any non-zero errcode
	 * @return the error
	 */
	public static WeChatError injected(int errcode) {
		return withPhrase(errcode, PHRASES.getOrDefault(errcode, INJECTED_PHRASE));
	}

	private static Map<Integer, String> phrases() {
		Map<Integer, String> phrases = new HashMap<>();
		phrases.put(-1, "system error");
		phrases.put(40001, "invalid credential, access_token is invalid or not latest");
		phrases.put(40002, "invalid grant_type");
		phrases.put(40003, "invalid openid");
		phrases.put(40013, "invalid appid");
		phrases.put(40029, "invalid code");
		phrases.put(40125, "invalid appsecret");
		phrases.put(40129, "invalid scene");
		phrases.put(40163, "code been used");
		phrases.put(40164, "invalid ip, not in whitelist");
		phrases.put(40226, "code blocked");
		phrases.put(41001, "access_token missing");
		phrases.put(41002, "appid missing");
		phrases.put(41004, "appsecret missing");
		phrases.put(41008, "missing code");
		phrases.put(42001, "access_token expired");
		phrases.put(43002, "require POST method");
		phrases.put(43104, "appid not match openid");
		phrases.put(44002, "empty post data");
		phrases.put(45009, "reach max api daily quota limit");
		phrases.put(45011, "api minute-quota reach limit mustslower retry next minute");
		phrases.put(47001, "data format error");
		phrases.put(61010, "code is expired");
		phrases.put(87008, "invalid sig_method");
		phrases.put(87009, "invalid signature");
		phrases.put(87014, "risky content");
		return Map.copyOf(phrases);
	}

	private static WeChatError withPhrase(int errcode, String phrase) {
		return new WeChatError(errcode, phrase + ", rid: " + rid());
	}

	private static String rid() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return String.format("%08x-%08x-%08x", random.nextInt(), random.nextInt(), random.nextInt());
	}

}
