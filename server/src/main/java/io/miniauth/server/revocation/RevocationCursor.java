package io.miniauth.server.revocation;

import java.time.Instant;

import io.miniauth.server.web.InvalidRequestException;

/**
 * A position in the revocation feed: after the session {@code sessionId} that ended at
 * {@code endedAt} (in the feed's order, by end time then id). Written
 * {@code <epoch millis>:<session id>}; the empty cursor is the start of the feed.
 *
 * @param endedAt the end time of the last session read, or {@code null} at the start
 * @param sessionId the last session read at that time, or empty for "every session that
 * ended after {@code endedAt}"
 */
record RevocationCursor(Instant endedAt, String sessionId) {

	static final RevocationCursor START = new RevocationCursor(null, "");

	static RevocationCursor parse(String text) {
		if (text == null || text.isEmpty()) {
			return START;
		}
		int colon = text.indexOf(':');
		try {
			long millis = Long.parseLong((colon < 0) ? text : text.substring(0, colon));
			String sessionId = (colon < 0) ? "" : text.substring(colon + 1);
			if (sessionId.length() > 36) {
				throw new NumberFormatException();
			}
			return new RevocationCursor(Instant.ofEpochMilli(millis), sessionId);
		}
		catch (NumberFormatException ex) {
			throw new InvalidRequestException("since is not a cursor of this feed: use the next of its last answer");
		}
	}

	@Override
	public String toString() {
		return (this.endedAt == null) ? "" : this.endedAt.toEpochMilli() + ":" + this.sessionId;
	}

}
