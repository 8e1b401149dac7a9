package io.miniauth.spring.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Reads MiniAuth's revocation feed ({@code GET /admin/api/revocations}) in the background
 * and records each ended session in {@link RevokedSessions}, so that no request waits for
 * MiniAuth.
 * <p>
 * When MiniAuth cannot be reached, the feed <em>fails open</em>: tokens keep verifying
 * locally (signature, issuer, audience, expiry), the sessions already known to have ended
 * stay refused, and {@link #isStale()} says the feed is behind, for the health check and
 * the metric. Failing closed would log every user of the business backend out whenever
 * MiniAuth restarts; a token's own expiry still bounds what a stale feed lets through.
 */
public class RevocationFeed implements SmartLifecycle {

	private static final Log log = LogFactory.getLog(RevocationFeed.class);

	private final RestClient client;

	private final RevokedSessions revoked;

	private final Duration interval;

	private final Duration staleAfter;

	private final Clock clock;

	private final Instant startedAt;

	private final AtomicReference<Instant> lastSuccess = new AtomicReference<>();

	private volatile String cursor = "";

	private volatile boolean failing;

	private ScheduledExecutorService scheduler;

	/**
	 * A feed reader.
	 * @param client a client with MiniAuth's base URL and the API key as bearer token
	 * @param revoked where ended sessions go
	 * @param interval how often to read
	 * @param staleAfter how long without a successful read makes the feed stale
	 * @param clock the clock
	 */
	public RevocationFeed(RestClient client, RevokedSessions revoked, Duration interval, Duration staleAfter,
			Clock clock) {
		this.client = client;
		this.revoked = revoked;
		this.interval = interval;
		this.staleAfter = staleAfter;
		this.clock = clock;
		this.startedAt = clock.instant();
	}

	/**
	 * Reads the feed once, up to its end.
	 * @return whether MiniAuth answered
	 */
	public boolean poll() {
		try {
			Page page;
			do {
				page = this.client.get()
					.uri((uri) -> uri.path("/admin/api/revocations").queryParam("since", this.cursor).build())
					.retrieve()
					.body(Page.class);
				if (page == null) {
					throw new RestClientException("empty answer");
				}
				for (Revocation revocation : page.revocations()) {
					this.revoked.add(revocation.sessionId(), revocation.reason(), revocation.tokensValidUntil());
				}
				this.cursor = page.next();
			}
			while (page.more());
			this.revoked.forgetExpired(this.clock.instant());
			this.lastSuccess.set(this.clock.instant());
			if (this.failing) {
				log.info("The MiniAuth revocation feed answers again");
				this.failing = false;
			}
			return true;
		}
		catch (RuntimeException ex) {
			if (!this.failing) {
				// the exception's message may name the URL, never the API key
				log.warn("Cannot read the MiniAuth revocation feed (" + ex.getClass().getSimpleName()
						+ "); tokens still verify locally until it answers again");
				this.failing = true;
			}
			return false;
		}
	}

	/**
	 * Whether the feed is behind: no successful read for longer than the stale limit.
	 * @return whether it is stale
	 */
	public boolean isStale() {
		return age().compareTo(this.staleAfter) > 0;
	}

	/**
	 * How long since the last successful read (since the start, before the first one).
	 * @return the age
	 */
	public Duration age() {
		Instant last = this.lastSuccess.get();
		return Duration.between((last != null) ? last : this.startedAt, this.clock.instant());
	}

	/**
	 * When the feed was last read successfully.
	 * @return the time, or {@code null} before the first success
	 */
	public Instant lastSuccess() {
		return this.lastSuccess.get();
	}

	@Override
	public void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "miniauth-revocation-feed");
			thread.setDaemon(true);
			return thread;
		});
		this.scheduler.scheduleWithFixedDelay(this::poll, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

	/**
	 * The client that reads the feed: MiniAuth's base URL, with the API key.
	 * @param builder a builder
	 * @param baseUrl MiniAuth's base URL
	 * @param apiKey the operator API key
	 * @return the client
	 */
	public static RestClient client(RestClient.Builder builder, String baseUrl, String apiKey) {
		return builder.baseUrl(baseUrl).defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey).build();
	}

	/**
	 * One page of the feed.
	 *
	 * @param revocations the sessions ended since the cursor
	 * @param next the cursor to ask with next
	 * @param more whether more are waiting right now
	 */
	record Page(List<Revocation> revocations, String next, boolean more) {

	}

	/**
	 * One ended session.
	 *
	 * @param sessionId the session
	 * @param userId its user
	 * @param reason why it ended
	 * @param endedAt when
	 * @param tokensValidUntil when its last access token expires
	 */
	record Revocation(String sessionId, String userId, String reason, Instant endedAt, Instant tokensValidUntil) {

	}

}
