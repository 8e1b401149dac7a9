package io.miniauth.emulator.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.springframework.util.Assert;

/**
 * The {@code media_check_async} results not pushed yet, each due a configured delay after
 * its check was submitted. Whoever delivers them takes the due ones out.
 */
public final class MediaChecks {

	private final List<PendingResult> pending = new ArrayList<>();

	private final Clock clock;

	private final Duration delay;

	MediaChecks(Clock clock, Duration delay) {
		Assert.notNull(clock, "clock cannot be null");
		Assert.notNull(delay, "delay cannot be null");
		this.clock = clock;
		this.delay = delay;
	}

	synchronized void submit(String appid, String openid, String traceId, String mediaUrl, Verdict verdict) {
		this.pending
			.add(new PendingResult(appid, openid, traceId, mediaUrl, verdict, this.clock.instant().plus(this.delay)));
	}

	/**
	 * Takes out the results whose time has come, oldest first.
	 * @return the results to push now
	 */
	synchronized List<PendingResult> takeDue() {
		Instant now = this.clock.instant();
		List<PendingResult> due = new ArrayList<>();
		for (Iterator<PendingResult> it = this.pending.iterator(); it.hasNext();) {
			PendingResult result = it.next();
			if (!now.isBefore(result.dueAt())) {
				due.add(result);
				it.remove();
			}
		}
		return due;
	}

	/**
	 * How many results wait to be pushed.
	 * @return the count
	 */
	synchronized int waiting() {
		return this.pending.size();
	}

	/**
	 * A check's result, waiting for its push.
	 *
	 * @param appid the app that submitted the media
	 * @param openid the user named in the check
	 * @param traceId the id the check answered, which the push carries
	 * @param mediaUrl the media checked
	 * @param verdict the result
	 * @param dueAt when the push is due
	 */
	record PendingResult(String appid, String openid, String traceId, String mediaUrl, Verdict verdict, Instant dueAt) {
	}

}
