package io.miniauth.server.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import io.miniauth.server.config.MiniAuthProperties;
import io.miniauth.server.problem.MiniAuthException;
import io.miniauth.server.ratelimit.RateLimitedException;
import io.miniauth.server.web.ClientInfo;
import io.miniauth.server.wechat.WeChatException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records authentication events: a row in the audit trail and a count in the
 * {@code miniauth.auth.events} metric, tagged by event and outcome. Recording never fails
 * the request it describes.
 */
@Service
public class AuthEvents {

	private static final Log logger = LogFactory.getLog(AuthEvents.class);

	private final AuthEventRepository repository;

	private final MeterRegistry meters;

	private final Clock clock;

	private final Duration retention;

	private final TransactionTemplate savepoint;

	AuthEvents(AuthEventRepository repository, MeterRegistry meters, MiniAuthProperties properties, Clock clock,
			PlatformTransactionManager transactions) {
		this.repository = repository;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.meters = meters;
		this.clock = clock;
		this.retention = properties.audit().retention();
	}

	/**
	 * Records an event. Inside a transaction the row is written in it, so that it is
	 * committed with the change it describes (one commit, not two), behind a savepoint: a
	 * failure to write it undoes only the row.
	 * @param type what happened
	 * @param outcome {@code ok} or the error code answered
	 * @param errcode WeChat's errcode, or {@code null}
	 * @param appid the app, or {@code null}
	 * @param userId the user, or {@code null}
	 * @param sessionId the session, or {@code null}
	 * @param client where the request came from
	 */
	public void record(AuthEventType type, String outcome, Integer errcode, String appid, String userId,
			String sessionId, ClientInfo client) {
		count(type, outcome);
		AuthEvent event = new AuthEvent(this.clock.instant(), type, outcome, errcode, appid, userId, sessionId,
				client.ip(), client.userAgent());
		try {
			if (TransactionSynchronizationManager.isActualTransactionActive()) {
				this.savepoint.executeWithoutResult((status) -> this.repository.insert(event));
			}
			else {
				this.repository.insert(event);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not record a " + type + " event: " + ex.getClass().getSimpleName());
		}
	}

	/**
	 * Records a request answered with an error. A request refused for its budget is only
	 * counted, as {@link AuthEventType#RATE_LIMITED}: a flood must not turn into database
	 * writes. When WeChat caused the failure, its errcode is kept.
	 * @param type what was attempted
	 * @param ex the error answered
	 * @param appid the app, or {@code null}
	 * @param userId the user, or {@code null}
	 * @param sessionId the session, or {@code null}
	 * @param client where the request came from
	 */
	public void recordFailure(AuthEventType type, MiniAuthException ex, String appid, String userId, String sessionId,
			ClientInfo client) {
		if (ex instanceof RateLimitedException) {
			count(AuthEventType.RATE_LIMITED, ex.code());
			return;
		}
		Integer errcode = (ex instanceof WeChatException weChat && weChat.errcode() != 0) ? weChat.errcode() : null;
		record(type, ex.code(), errcode, appid, userId, sessionId, client);
	}

	/**
	 * Counts an event in the metric without writing it to the trail, for events that an
	 * attacker could repeat at will.
	 * @param type what happened
	 * @param outcome the error code answered
	 */
	public void count(AuthEventType type, String outcome) {
		this.meters.counter("miniauth.auth.events", "event", type.name().toLowerCase(Locale.ROOT), "outcome", outcome)
			.increment();
	}

	/**
	 * A user's most recent events, newest first.
	 * @param userId the user
	 * @return up to 50 events
	 */
	public List<AuthEvent> recent(String userId) {
		return this.repository.findRecentByUser(userId);
	}

	/**
	 * Deletes the events older than the retention.
	 * @return how many were deleted
	 */
	@Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT1M")
	public int prune() {
		return this.repository.deleteBefore(this.clock.instant().minus(this.retention));
	}

}
