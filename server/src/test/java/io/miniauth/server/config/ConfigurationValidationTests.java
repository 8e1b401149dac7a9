package io.miniauth.server.config;

import java.nio.file.Path;

import io.miniauth.server.MiniAuthApplication;
import io.miniauth.server.support.MiniAuthTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The service refuses to start, with a reason that names the setting, on a configuration
 * that cannot work.
 */
class ConfigurationValidationTests {

	@TempDir
	Path dataDir;

	@Test
	void startWhenAppSecretBlankThenRefusesNamingTheSetting() {
		assertThatException()
			.isThrownBy(() -> start("--miniauth.apps[0].appid=wx1234567890abcdef", "--miniauth.apps[0].secret= "))
			.satisfies((ex) -> assertThat(messages(ex)).contains("miniauth.apps[0].secret"));
	}

	@Test
	void startWhenAppidMalformedThenRefuses() {
		assertThatException().isThrownBy(() -> start("--miniauth.apps[0].appid=wx 12", "--miniauth.apps[0].secret=abc"))
			.satisfies((ex) -> assertThat(messages(ex)).contains("miniauth.apps[0].appid"));
	}

	@Test
	void startWhenSameAppidTwiceThenRefuses() {
		assertThatException()
			.isThrownBy(() -> start("--miniauth.apps[0].appid=wxa", "--miniauth.apps[0].secret=a",
					"--miniauth.apps[1].appid=wxa", "--miniauth.apps[1].secret=b",
					"--miniauth.security.key-encryption-key=" + MiniAuthTest.KEY_ENCRYPTION_KEY))
			.satisfies((ex) -> assertThat(messages(ex)).contains("wxa is configured twice"));
	}

	@Test
	void startWhenNoAppAndEmulatorOffThenRefuses() {
		assertThatException()
			.isThrownBy(() -> start("--miniauth.emulator.enabled=false",
					"--miniauth.security.key-encryption-key=" + MiniAuthTest.KEY_ENCRYPTION_KEY))
			.satisfies((ex) -> assertThat(messages(ex)).contains("No app is configured"));
	}

	@Test
	void startWhenRealAppWithoutKeyEncryptionKeyThenRefuses() {
		assertThatException()
			.isThrownBy(() -> start("--miniauth.apps[0].appid=wx1234567890abcdef", "--miniauth.apps[0].secret=real"))
			.satisfies((ex) -> assertThat(messages(ex)).contains("miniauth.security.key-encryption-key is required"));
	}

	@Test
	void startWhenRealAppWithEmulatorOnButWithoutKeyEncryptionKeyThenStillRefuses() {
		assertThatException()
			.isThrownBy(() -> start("--miniauth.apps[0].appid=wx1234567890abcdef", "--miniauth.apps[0].secret=real",
					"--miniauth.emulator.enabled=true"))
			.satisfies((ex) -> assertThat(messages(ex)).contains("miniauth.security.key-encryption-key is required"));
	}

	@Test
	void startWhenKeyEncryptionKeyIsNot32BytesThenRefuses() {
		assertThatException().isThrownBy(() -> start("--miniauth.security.key-encryption-key=c2hvcnQ="))
			.satisfies((ex) -> assertThat(messages(ex)).contains("must be 32 bytes"));
	}

	@Test
	void startWhenKeyRotationPeriodUnderAnHourThenRefusesNamingTheSetting() {
		assertThatException().isThrownBy(() -> start("--miniauth.token.key-rotation-period=5m"))
			.satisfies((ex) -> assertThat(messages(ex)).contains("miniauth.token.key-rotation-period"));
	}

	@Test
	void startWhenTokenLifetimeZeroThenRefusesNamingTheSetting() {
		assertThatException().isThrownBy(() -> start("--miniauth.token.lifetime=0s"))
			.satisfies((ex) -> assertThat(messages(ex)).contains("miniauth.token.lifetime"));
	}

	@Test
	void startWhenRefreshLifetimeShorterThanTokenLifetimeThenRefusesNamingTheSetting() {
		assertThatException()
			.isThrownBy(() -> start("--miniauth.token.lifetime=2h", "--miniauth.token.refresh-lifetime=1h"))
			.satisfies((ex) -> assertThat(messages(ex)).contains("miniauth.token.refresh-lifetime"));
	}

	@Test
	void startWhenRealAppConfiguredThenEmulatorIsOff() {
		try (ConfigurableApplicationContext context = start("--miniauth.apps[0].appid=wx1234567890abcdef",
				"--miniauth.apps[0].secret=realsecret",
				"--miniauth.security.key-encryption-key=" + MiniAuthTest.KEY_ENCRYPTION_KEY)) {
			assertThat(context.containsBean("emulatedApps")).isFalse();
		}
	}

	private ConfigurableApplicationContext start(String... args) {
		String[] all = new String[args.length + 2];
		all[0] = "--server.port=0";
		all[1] = "--miniauth.data-dir=" + this.dataDir;
		System.arraycopy(args, 0, all, 2, args.length);
		return new SpringApplicationBuilder(MiniAuthApplication.class).run(all);
	}

	private static String messages(Throwable ex) {
		StringBuilder all = new StringBuilder();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			all.append(cause.getMessage()).append('\n');
		}
		return all.toString();
	}

}
