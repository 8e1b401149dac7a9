package io.miniauth.spring.revocation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class RevokedSessionsTests {

	private final Instant now = Instant.parse("2026-12-01T10:00:00Z");

	@Test
	void endedWhenSessionRecordedThenReasonGiven() {
		RevokedSessions revoked = new RevokedSessions(10, java.time.Clock.fixed(this.now, ZoneOffset.UTC));
		revoked.add("s1", "banned", this.now.plusSeconds(60));
		assertThat(revoked.ended(jwt("s1")))
			.hasValueSatisfying((ended) -> assertThat(ended.reason()).isEqualTo("banned"));
		assertThat(revoked.ended(jwt("s2"))).isEmpty();
	}

	@Test
	void addWhenTokensAlreadyExpiredThenNothingKept() {
		RevokedSessions revoked = new RevokedSessions(10, java.time.Clock.fixed(this.now, ZoneOffset.UTC));
		revoked.add("s1", "logout", this.now.minusSeconds(1));
		assertThat(revoked.size()).isZero();
	}

	@Test
	void addWhenFullThenSessionWhoseTokensExpireFirstIsForgotten() {
		RevokedSessions revoked = new RevokedSessions(2, java.time.Clock.fixed(this.now, ZoneOffset.UTC));
		revoked.add("late", "logout", this.now.plus(Duration.ofHours(2)));
		revoked.add("early", "logout", this.now.plus(Duration.ofMinutes(1)));
		revoked.add("new", "logout", this.now.plus(Duration.ofHours(1)));
		assertThat(revoked.size()).isEqualTo(2);
		assertThat(revoked.ended(jwt("early"))).isEmpty();
		assertThat(revoked.ended(jwt("late"))).isPresent();
		assertThat(revoked.ended(jwt("new"))).isPresent();
	}

	@Test
	void forgetExpiredWhenTimePassedThenEntriesGone() {
		RevokedSessions revoked = new RevokedSessions(10, java.time.Clock.fixed(this.now, ZoneOffset.UTC));
		revoked.add("s1", "logout", this.now.plusSeconds(60));
		revoked.forgetExpired(this.now.plusSeconds(61));
		assertThat(revoked.ended(jwt("s1"))).isEmpty();
	}

	private static Jwt jwt(String sid) {
		return new Jwt("t", Instant.EPOCH, Instant.EPOCH.plusSeconds(1), Map.of("alg", "ES256"), Map.of("sid", sid));
	}

}
