package io.miniauth.emulator.security;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.miniauth.emulator.security.MediaChecks.PendingResult;

import org.springframework.util.Assert;

/**
 * Pushes the due {@code media_check_async} results to their apps, as WeChat's
 * {@code wxa_media_check} event (version 2): the {@code trace_id} the check answered,
 * {@code result} and {@code detail}.
 */
public final class MediaResultPushes {

	/**
	 * The sender when nothing can push: the result is dropped, as WeChat drops results
	 * for an app without a push URL.
	 */
	static final MediaResultSender NOT_SENT = (appid, openid, fields) -> {
	};

	private static final int MODEL_PROBABILITY = 90;

	private final MediaChecks checks;

	private final MediaResultSender sender;

	private final Clock clock;

	MediaResultPushes(MediaChecks checks, MediaResultSender sender, Clock clock) {
		Assert.notNull(checks, "checks cannot be null");
		Assert.notNull(sender, "sender cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.checks = checks;
		this.sender = sender;
		this.clock = clock;
	}

	/**
	 * Pushes every result whose time has come, oldest first.
	 * @return how many were pushed
	 */
	public int pushDue() {
		List<PendingResult> due = this.checks.takeDue();
		due.forEach((result) -> this.sender.send(result.appid(), result.openid(), message(result)));
		return due.size();
	}

	private Map<String, Object> message(PendingResult result) {
		Map<String, Object> verdict = new LinkedHashMap<>();
		verdict.put("suggest", result.verdict().suggest());
		verdict.put("label", result.verdict().label());
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("strategy", "content_model");
		detail.put("errcode", 0);
		detail.put("suggest", result.verdict().suggest());
		detail.put("label", result.verdict().label());
		detail.put("prob", MODEL_PROBABILITY);
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("CreateTime", this.clock.instant().getEpochSecond());
		fields.put("MsgType", "event");
		fields.put("Event", "wxa_media_check");
		fields.put("appid", result.appid());
		fields.put("trace_id", result.traceId());
		fields.put("version", 2);
		fields.put("detail", List.of(detail));
		fields.put("errcode", 0);
		fields.put("errmsg", "ok");
		fields.put("result", verdict);
		return fields;
	}

	/**
	 * Delivers one push to an app's message push URL.
	 */
	@FunctionalInterface
	public interface MediaResultSender {

		/**
		 * Sends a push about a user.
		 * @param appid the app
		 * @param openid the user
		 * @param fields the message, without {@code ToUserName} and {@code FromUserName}
		 */
		void send(String appid, String openid, Map<String, Object> fields);

	}

}
