package io.miniauth.server.ratelimit;

import java.time.Duration;
import java.util.Map;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.ServerHttpTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Budgets that cannot be dodged by changing the spelling or the end of an address, nor
 * turned against an app's real users by a flood of made-up codes. The test client goes
 * through a trusted proxy (loopback), so {@code X-Forwarded-For} names the client.
 */
@TestPropertySource(properties = { "miniauth.rate-limit.enabled=true", "miniauth.rate-limit.login-per-ip=3/1m",
		"miniauth.rate-limit.login-per-app=5/1m", "miniauth.rate-limit.refresh-invalid-per-ip=3/1m",
		"miniauth.web.trusted-proxies=127.0.0.1,::1" })
class BudgetShapeIntegrationTests extends ServerHttpTests {

	@BeforeEach
	void setUp() {
		// every budget is full again
		this.clock.advance(Duration.ofMinutes(2));
	}

	@Test
	void loginWhenAddressesShareAnIpv6Slash64ThenTheyShareOneBudget() {
		for (int i = 1; i <= 3; i++) {
			assertThat(login("2001:db8:1:2::" + i, "v6-" + i).status()).isEqualTo(200);
		}

		Reply sameNetwork = login("2001:db8:1:2:ffff:ffff:ffff:9", "v6-over");

		assertThat(sameNetwork.status()).isEqualTo(429);
		assertThat(login("2001:db8:1:3::1", "v6-next-network").status()).isEqualTo(200);
	}

	@Test
	void loginWhenAddressSpelledAnotherWayThenTheSameBudgetAndTheCanonicalAddressStored() {
		Reply first = login("203.0.113.9", "spelling-0");
		login("203.0.113.9", "spelling-1");
		login("203.0.113.9", "spelling-2");

		Reply mapped = login("::ffff:203.0.113.9", "spelling-mapped");

		assertThat(mapped.status()).isEqualTo(429);
		assertThat(sessionAddress(first)).isEqualTo("203.0.113.9");
	}

	@Test
	void loginWhenJunkCodesFloodTheAppThenARealUserStillLogsIn() {
		for (int i = 0; i < 20; i++) {
			Reply junk = this.api.post("/user/login", Api.json(Map.of("code", "junk-code-" + i)), "X-Forwarded-For",
					"198.51.100." + (i + 1));
			assertThat(junk.code()).isEqualTo("INVALID_CODE");
		}

		assertThat(login("192.0.2.77", "real-user").status()).isEqualTo(200);
	}

	@Test
	void loginWhenAppBudgetSpentByRealLoginsThen429() {
		for (int i = 0; i < 5; i++) {
			assertThat(login("192.0.2." + (100 + i), "crowd-" + i).status()).isEqualTo(200);
		}

		assertThat(login("192.0.2.200", "crowd-over").status()).isEqualTo(429);
	}

	@Test
	void refreshWhenAddressSendsUnknownTokensThen429AndEvenAValidTokenWaits() {
		String refreshToken = login("192.0.2.50", "refresh-victim").json().get("refreshToken").asString();
		for (int i = 0; i < 3; i++) {
			assertThat(refresh("192.0.2.66", "guess-" + i).code()).isEqualTo("REFRESH_TOKEN_INVALID");
		}

		assertThat(refresh("192.0.2.66", "guess-over").status()).isEqualTo(429);
		assertThat(refresh("192.0.2.66", refreshToken).status()).isEqualTo(429);
		assertThat(refresh("192.0.2.50", refreshToken).status()).isEqualTo(200);
	}

	@Test
	void loginWhenForwardedHopIsNotAnAddressThenItIsNotStored() {
		Reply reply = login("<img src=x onerror=alert(1)>", "markup-hop");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(sessionAddress(reply)).isEqualTo("127.0.0.1");
	}

	private String sessionAddress(Reply login) {
		return this.api.get("/user/sessions", "Authorization", "Bearer " + login.json().get("token").asString())
			.json()
			.at("/sessions/0/ip")
			.asString();
	}

	private Reply login(String address, String user) {
		return this.api.post("/user/login", Api.json(Map.of("code", this.api.wxLogin(user))), "X-Forwarded-For",
				address);
	}

	private Reply refresh(String address, String refreshToken) {
		return this.api.post("/user/token/refresh", Api.json(Map.of("refreshToken", refreshToken)), "X-Forwarded-For",
				address);
	}

}
