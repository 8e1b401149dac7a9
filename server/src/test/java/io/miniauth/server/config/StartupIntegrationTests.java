package io.miniauth.server.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import io.miniauth.server.MiniAuthApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator is told at start in demo mode, and the key-encryption key the demo
 * mode keeps in the data directory.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupIntegrationTests {

	@TempDir
	Path dataDir;

	@Test
	void startWhenDemoModeThenWarnsOfEmulatorSaysSingleInstanceAndKeepsAnOwnerOnlyKey(CapturedOutput output)
			throws Exception {
		try (ConfigurableApplicationContext first = start()) {
			assertThat(output).contains("The WeChat emulator is ON")
				.contains("Running as a single instance")
				.contains("Generated a key-encryption key");
		}
		Path key = this.dataDir.resolve("key-encryption-key");
		String generated = Files.readString(key);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
		assertThat(generated.strip()).hasSize(44);
		int generatedMessages = count(output.getAll(), "Generated a key-encryption key");

		try (ConfigurableApplicationContext second = start()) {
			assertThat(Files.readString(key)).isEqualTo(generated);
			assertThat(count(output.getAll(), "Generated a key-encryption key")).isEqualTo(generatedMessages);
		}
		try (var files = Files.list(this.dataDir)) {
			assertThat(files.map((file) -> file.getFileName().toString())).noneMatch((name) -> name.endsWith(".tmp"));
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(MiniAuthApplication.class).run("--server.port=0",
				"--miniauth.data-dir=" + this.dataDir);
	}

	private static int count(String text, String part) {
		return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
	}

}
