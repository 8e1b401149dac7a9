package io.miniauth.server.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.miniauth.server.MiniAuthApplication;
import io.miniauth.server.support.Api;
import io.miniauth.server.support.MiniAuthTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * {@code miniauth.mode=production}: said, not assumed. It refuses to start on what only
 * the demo mode may leave out, and keeps the documents and the metrics scrape off the
 * service port.
 */
class ProductionModeTests {

	private static final String[] PRODUCTION = { "--miniauth.mode=production",
			"--miniauth.apps[0].appid=wx1234567890abcdef", "--miniauth.apps[0].secret=realsecret",
			"--miniauth.security.key-encryption-key=" + MiniAuthTest.KEY_ENCRYPTION_KEY,
			"--spring.datasource.url=jdbc:h2:mem:production-mode-${random.uuid};DB_CLOSE_DELAY=-1" };

	@TempDir
	Path dataDir;

	@Test
	void startWhenProductionWithNothingConfiguredThenRefusesNamingEachMissingSetting() {
		assertThatException().isThrownBy(() -> start("--miniauth.mode=production"))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("miniauth.apps[0].appid")
				.contains("miniauth.security.key-encryption-key")
				.contains("spring.datasource.url"));
	}

	@Test
	void startWhenProductionWithEmulatorOnThenRefuses() {
		assertThatException().isThrownBy(() -> start(with("--miniauth.emulator.enabled=true")))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("miniauth.emulator.enabled"));
	}

	@Test
	void startWhenModeMisspelledThenRefuses() {
		assertThatException().isThrownBy(() -> start("--miniauth.mode=prod"))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("miniauth.mode"));
	}

	@Test
	void startWhenProductionThenDocsAndPrometheusAreNotOnTheServicePort() {
		try (ConfigurableApplicationContext context = start(PRODUCTION)) {
			Api api = new Api(port(context, "local.server.port"));

			assertThat(api.get("/v3/api-docs").status()).isEqualTo(404);
			assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(404);
			assertThat(api.get("/actuator/prometheus").status()).isEqualTo(404);
			assertThat(api.get("/actuator/health").status()).isEqualTo(200);
		}
	}

	@Test
	void startWhenProductionWithManagementPortThenPrometheusIsThereOnly() {
		try (ConfigurableApplicationContext context = start(with("--management.server.port=0"))) {
			Api api = new Api(port(context, "local.server.port"));
			Api management = new Api(port(context, "local.management.port"));

			assertThat(api.get("/actuator/prometheus").status()).isEqualTo(404);
			assertThat(management.get("/actuator/prometheus").status()).isEqualTo(200);
		}
	}

	private static String[] with(String... more) {
		List<String> all = new ArrayList<>(List.of(PRODUCTION));
		all.addAll(List.of(more));
		return all.toArray(String[]::new);
	}

	private static int port(ConfigurableApplicationContext context, String property) {
		return Integer.parseInt(context.getEnvironment().getProperty(property));
	}

	private ConfigurableApplicationContext start(String... args) {
		List<String> all = new ArrayList<>(List.of("--server.port=0", "--miniauth.data-dir=" + this.dataDir));
		all.addAll(List.of(args));
		return new SpringApplicationBuilder(MiniAuthApplication.class).run(all.toArray(String[]::new));
	}

}
