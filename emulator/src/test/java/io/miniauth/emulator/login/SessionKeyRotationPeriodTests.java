package io.miniauth.emulator.login;

import java.time.Duration;

import io.miniauth.emulator.EmulatorHttpTests;
import io.miniauth.emulator.EmulatorTestApplication;
import io.miniauth.emulator.app.EmulatedApp;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@TestPropertySource(properties = "emulator.session-key-min-rotation-period=10m")
class SessionKeyRotationPeriodTests extends EmulatorHttpTests {

	private static final EmulatedApp APP = EmulatorTestApplication.BOUND;

	@Test
	void loginWhenKeyYoungerThanConfiguredPeriodThenKeyKeptAndOlderThenRotated() {
		String user = newUser();
		String first = sessionKeyAfterLogin(user);
		this.clock.advance(Duration.ofMinutes(10).minusSeconds(1));
		assertThat(sessionKeyAfterLogin(user)).isEqualTo(first);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(sessionKeyAfterLogin(user)).isNotEqualTo(first);
	}

	private String sessionKeyAfterLogin(String user) {
		return json(code2Session(APP, wxLogin(user, APP).path("code").asString())).path("session_key").asString();
	}

}
