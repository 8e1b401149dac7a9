package io.miniauth.emulator;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class EmulatorSettingsTests {

	private final EmulatorConfiguration configuration = new EmulatorConfiguration();

	@Test
	void emulatorSettingsWhenNothingConfiguredThenWeChatsDocumentedBehaviour() {
		EmulatorSettings settings = this.configuration.emulatorSettings(new MockEnvironment());
		assertThat(settings.loginRateLimitPerMinute()).isEqualTo(100);
		assertThat(settings.sessionKeyMinRotationPeriod()).isZero();
	}

	@Test
	void emulatorSettingsWhenConfiguredThenBoundFromEmulatorProperties() {
		MockEnvironment environment = new MockEnvironment().withProperty("emulator.login-rate-limit-per-minute", "0")
			.withProperty("emulator.session-key-min-rotation-period", "10m");
		EmulatorSettings settings = this.configuration.emulatorSettings(environment);
		assertThat(settings.loginRateLimitPerMinute()).isZero();
		assertThat(settings.sessionKeyMinRotationPeriod()).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void emulatorSettingsWhenOnlyOneConfiguredThenOtherKeepsDefault() {
		MockEnvironment environment = new MockEnvironment().withProperty("emulator.session-key-min-rotation-period",
				"30s");
		EmulatorSettings settings = this.configuration.emulatorSettings(environment);
		assertThat(settings.loginRateLimitPerMinute()).isEqualTo(100);
		assertThat(settings.sessionKeyMinRotationPeriod()).isEqualTo(Duration.ofSeconds(30));
	}

}
