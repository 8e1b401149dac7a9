package io.miniauth.server.session;

import java.time.Clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * {@code miniauth.sessions.active}: the sessions that have neither ended nor expired,
 * counted in the database (from an index) when metrics are scraped.
 */
@Component
class ActiveSessionsGauge {

	ActiveSessionsGauge(SessionRepository sessions, Clock clock, MeterRegistry meters) {
		Gauge.builder("miniauth.sessions.active", () -> sessions.countActive(clock.instant()))
			.description("Sessions that have neither ended nor expired")
			.register(meters);
	}

}
