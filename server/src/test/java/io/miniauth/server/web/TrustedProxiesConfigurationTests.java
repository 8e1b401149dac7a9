package io.miniauth.server.web;

import java.nio.file.Path;

import io.miniauth.server.MiniAuthApplication;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A trusted proxy range that cannot match as written refuses the start, naming the
 * setting, instead of failing every request that reads the client address.
 */
class TrustedProxiesConfigurationTests {

	@TempDir
	Path dataDir;

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1/33", "fd00::/129", "10.0.0.0/-1", "10.0.0.0/eight" })
	void startWhenPrefixOutOfRangeThenRefusesNamingTheSetting(String range) {
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(MiniAuthApplication.class).run("--server.port=0",
					"--miniauth.data-dir=" + this.dataDir, "--miniauth.web.trusted-proxies=" + range))
			.satisfies((ex) -> assertThat(messages(ex)).contains("miniauth.web.trusted-proxies").contains(range));
	}

	private static String messages(Throwable ex) {
		StringBuilder all = new StringBuilder();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			all.append(cause.getMessage()).append('\n');
		}
		return all.toString();
	}

}
