package io.miniauth.server.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.miniauth.server.config.MiniAuthProperties;
import io.miniauth.server.revocation.RevocationFeedRepository.EndedSession;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/api/revocations?since=<cursor>}: the sessions that ended (logout, a
 * ban, a deletion, ...) since the cursor, for business backends that verify access tokens
 * themselves and must refuse those of ended sessions without a call per request.
 * <p>
 * A session stays in the feed for one access-token lifetime after it ended: by then every
 * token of it has expired anyway. A transaction may commit a little after the end time it
 * wrote, so once a reader has caught up its next cursor lies {@link #SETTLE} behind the
 * present: the last moments are read again (a reader keeps a set, so a repeat costs
 * nothing) and a late commit is not skipped.
 */
@RestController
@Tag(name = "Operators")
class RevocationFeedController {

	/** How long a commit may trail the end time it wrote. */
	static final Duration SETTLE = Duration.ofSeconds(2);

	private static final int MAX_PAGE = 1000;

	private final RevocationFeedRepository feed;

	private final Duration tokenLifetime;

	private final Clock clock;

	RevocationFeedController(RevocationFeedRepository feed, MiniAuthProperties properties, Clock clock) {
		this.feed = feed;
		this.tokenLifetime = properties.token().lifetime();
		this.clock = clock;
	}

	@Operation(summary = "Sessions ended since a cursor (for backends that verify tokens themselves)")
	@GetMapping("/admin/api/revocations")
	ResponseEntity<Page> revocations(@RequestParam(defaultValue = "") String since,
			@RequestParam(defaultValue = "1000") int limit) {
		RevocationCursor cursor = RevocationCursor.parse(since);
		int pageSize = Math.max(1, Math.min(limit, MAX_PAGE));
		Instant now = this.clock.instant();
		List<EndedSession> ended = this.feed.after(cursor, now.minus(this.tokenLifetime), pageSize);
		boolean more = ended.size() == pageSize;
		RevocationCursor next;
		if (more) {
			EndedSession last = ended.get(ended.size() - 1);
			next = new RevocationCursor(last.endedAt(), last.sessionId());
		}
		else {
			Instant settled = now.minus(SETTLE);
			next = (cursor.endedAt() != null && cursor.endedAt().isAfter(settled)) ? cursor
					: new RevocationCursor(settled, "");
		}
		List<Revocation> revocations = ended.stream()
			.map((session) -> new Revocation(session.sessionId(), session.userId(), wireReason(session.reason()),
					session.endedAt(), session.endedAt().plus(this.tokenLifetime)))
			.toList();
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new Page(revocations, next.toString(), more));
	}

	private static String wireReason(String stored) {
		return (stored != null) ? stored.toLowerCase(Locale.ROOT) : null;
	}

	/**
	 * One page of the feed.
	 *
	 * @param revocations the sessions that ended, oldest first
	 * @param next the cursor for the next read
	 * @param more whether more are waiting right now (read again at once)
	 */
	record Page(List<Revocation> revocations, String next, boolean more) {

	}

	/**
	 * An ended session.
	 *
	 * @param sessionId the session ({@code sid} of its tokens)
	 * @param userId its user ({@code sub})
	 * @param reason why it ended: {@code logout}, {@code ended_by_user},
	 * {@code ended_by_operator}, {@code session_limit}, {@code refresh_replay},
	 * {@code banned}, {@code deleted}, ...
	 * @param endedAt when
	 * @param tokensValidUntil when its last access token expires: until then, refuse its
	 * tokens
	 */
	record Revocation(String sessionId, String userId, String reason, Instant endedAt, Instant tokensValidUntil) {

	}

}
