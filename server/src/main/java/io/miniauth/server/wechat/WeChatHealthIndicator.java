package io.miniauth.server.wechat;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.miniauth.server.app.MiniApp;
import io.miniauth.server.app.MiniApps;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Reports each app's WeChat circuit. An open circuit makes the status {@code DEGRADED},
 * which readiness still answers with 200: WeChat being down affects every instance alike,
 * and taking them all out of the load balancer would also stop the requests that do not
 * need WeChat (refresh, {@code /user/me}).
 */
class WeChatHealthIndicator implements HealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED", "WeChat keeps failing for at least one app");

	private final MiniApps apps;

	private final WeChatCircuitBreakers breakers;

	WeChatHealthIndicator(MiniApps apps, WeChatCircuitBreakers breakers) {
		this.apps = apps;
		this.breakers = breakers;
	}

	@Override
	public Health health() {
		Map<String, String> circuits = new LinkedHashMap<>();
		boolean open = false;
		for (MiniApp app : this.apps.all()) {
			CircuitBreaker.State state = this.breakers.state(app.appid());
			circuits.put(app.appid(), state.name());
			open |= state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
		}
		return Health.status(open ? DEGRADED : Status.UP).withDetail("circuits", circuits).build();
	}

}
