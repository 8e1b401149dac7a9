package io.miniauth.server.wechat;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.miniauth.server.app.MiniApp;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.Assert;

/**
 * One circuit breaker per app around its WeChat calls. When WeChat keeps failing (busy,
 * timeouts, no connection) for an app, the breaker opens and calls are refused at once as
 * {@link WeChatUnavailableException} instead of piling up waiting threads; after a pause
 * a few trial calls decide whether it closes again. WeChat's answers that are not outages
 * (an invalid code, a quota) count as successes.
 */
public final class WeChatCircuitBreakers {

	private static final Log logger = LogFactory.getLog(WeChatCircuitBreakers.class);

	private final CircuitBreakerRegistry registry;

	/**
	 * @param minimumCalls how many calls must have been made before the failure rate is
	 * judged; the rate is over the last 20 calls, or over this many when it is more
	 * @param openFor how long an open breaker refuses calls before trying again
	 * @param clock the clock that the open period is measured with
	 */
	public WeChatCircuitBreakers(int minimumCalls, Duration openFor, Clock clock) {
		Assert.isTrue(minimumCalls > 0, "minimumCalls must be positive");
		Assert.notNull(openFor, "openFor cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		CircuitBreakerConfig config = CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(Math.max(minimumCalls, 20))
			.minimumNumberOfCalls(minimumCalls)
			.failureRateThreshold(50)
			.waitDurationInOpenState(openFor)
			.permittedNumberOfCallsInHalfOpenState(3)
			.recordException(WeChatUnavailableException.class::isInstance)
			.clock(clock)
			.build();
		this.registry = CircuitBreakerRegistry.of(config);
		this.registry.getEventPublisher()
			.onEntryAdded((added) -> added.getAddedEntry()
				.getEventPublisher()
				.onStateTransition((event) -> logger.warn("WeChat circuit for app " + event.getCircuitBreakerName()
						+ ": " + event.getStateTransition().getFromState() + " -> "
						+ event.getStateTransition().getToState())));
	}

	/**
	 * Runs a call to WeChat for an app through its breaker.
	 * @param app the app
	 * @param call the call
	 * @param <T> the result type
	 * @return the call's result
	 * @throws WeChatUnavailableException when the breaker is open, or the call failed so
	 */
	public <T> T call(MiniApp app, Supplier<T> call) {
		CircuitBreaker breaker = this.registry.circuitBreaker(app.appid());
		try {
			return breaker.executeSupplier(call);
		}
		catch (CallNotPermittedException ex) {
			throw new WeChatUnavailableException("circuit open: WeChat kept failing for this app", 0);
		}
	}

	/**
	 * The breaker state of an app, for health reporting.
	 * @param appid the app
	 * @return the state, {@code CLOSED} when no call was made yet
	 */
	public CircuitBreaker.State state(String appid) {
		return this.registry.find(appid).map(CircuitBreaker::getState).orElse(CircuitBreaker.State.CLOSED);
	}

}
