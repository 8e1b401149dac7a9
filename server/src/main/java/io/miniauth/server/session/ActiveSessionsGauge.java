package io.miniauth.server.session;

import java.time.Clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static io.miniauth.server.persistence.UtcTimestamps.toColumn;

/**
 * {@code miniauth.sessions.active}: the sessions that have neither ended nor expired,
 * read from the database when metrics are scraped.
 */
@Component
class ActiveSessionsGauge {

	private static final String COUNT_ACTIVE = "SELECT COUNT(*) FROM sessions WHERE revoked_at IS NULL AND expires_at > :now";

	ActiveSessionsGauge(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
		Gauge
			.builder("miniauth.sessions.active",
					() -> jdbc.sql(COUNT_ACTIVE).param("now", toColumn(clock.instant())).query(Long.class).single())
			.description("Sessions that have neither ended nor expired")
			.register(meters);
	}

}
