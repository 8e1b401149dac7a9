package io.miniauth.server.token;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.miniauth.server.config.MiniAuthProperties;
import io.miniauth.server.support.MiniAuthTest;
import io.miniauth.server.support.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tokens the verifier remembers, so that a client's later requests skip the ES256
 * check: when the memory is full, expired tokens make room first, and live ones are
 * forgotten only in part.
 */
@MiniAuthTest
class VerifiedTokenCacheTests {

	@Autowired
	SigningKeys keys;

	@Autowired
	AccessTokenIssuer issuer;

	@Autowired
	MiniAuthProperties properties;

	@Autowired
	MutableClock clock;

	@Test
	void verifyWhenFullThenExpiredTokensMakeRoomAndLiveOnesStay() {
		AccessTokenVerifier verifier = new AccessTokenVerifier(this.keys, this.properties, this.clock, 4);
		String old = verified(verifier);
		this.clock.advance(Duration.ofHours(1));
		List<String> live = List.of(verified(verifier), verified(verifier), verified(verifier));
		this.clock.advance(Duration.ofHours(1).plusSeconds(1));

		String next = verified(verifier);

		assertThat(verifier.remembers(old)).isFalse();
		assertThat(live).allSatisfy((token) -> assertThat(verifier.remembers(token)).isTrue());
		assertThat(verifier.remembers(next)).isTrue();
	}

	@Test
	void verifyWhenFullOfLiveTokensThenOnlySomeForgotten() {
		AccessTokenVerifier verifier = new AccessTokenVerifier(this.keys, this.properties, this.clock, 4);
		List<String> live = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			live.add(verified(verifier));
		}

		String next = verified(verifier);

		assertThat(verifier.remembers(next)).isTrue();
		assertThat(live).filteredOn(verifier::remembers).hasSize(3);
	}

	private String verified(AccessTokenVerifier verifier) {
		String token = this.issuer.issue(UUID.randomUUID().toString(), "wxminiauthdemo0001", "session", null).value();
		verifier.verify(token);
		return token;
	}

}
