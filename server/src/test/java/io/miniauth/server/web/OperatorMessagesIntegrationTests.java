package io.miniauth.server.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.ServerHttpTests;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator changes phrases from files outside the jar ({@code miniauth.web.messages}),
 * and picks the language of requests that name none
 * ({@code miniauth.web.default-locale}); the phrases the files leave out stay built-in.
 */
class OperatorMessagesIntegrationTests extends ServerHttpTests {

	private static final Path BUNDLES = bundles();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("miniauth.web.messages", () -> "file:" + BUNDLES.resolve("messages"));
		registry.add("miniauth.web.default-locale", () -> "en");
	}

	@Test
	void requestWhenOperatorBundleHasTheKeyThenItsPhraseIsUsed() {
		Reply reply = this.api.get("/user/me", "Accept-Language", "zh-CN");

		assertThat(reply.code()).isEqualTo("UNAUTHORIZED");
		assertThat(reply.json().get("msg").asString()).isEqualTo("请先在小程序里登录");
	}

	@Test
	void requestWhenOperatorBundleLacksTheKeyThenTheBuiltInPhraseIsUsed() {
		Reply reply = this.api.get("/user/me", "Authorization", "Bearer not-a-token", "Accept-Language", "zh-CN");

		assertThat(reply.code()).isEqualTo("TOKEN_INVALID");
		assertThat(reply.json().get("msg").asString()).isEqualTo("登录状态无效，请重新登录");
	}

	@Test
	void requestWhenNoAcceptLanguageThenTheConfiguredDefaultLanguage() {
		Reply reply = this.api.get("/user/me");

		assertThat(reply.code()).isEqualTo("UNAUTHORIZED");
		assertThat(reply.json().get("msg").asString()).isEqualTo("Please log in with the mini program first");
	}

	private static Path bundles() {
		try {
			Path dir = Files.createTempDirectory("miniauth-messages");
			dir.toFile().deleteOnExit();
			write(dir.resolve("messages_zh_CN.properties"), "problem.UNAUTHORIZED=请先在小程序里登录\n");
			write(dir.resolve("messages_en.properties"),
					"problem.UNAUTHORIZED=Please log in with the mini program first\n");
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Path file, String text) throws IOException {
		Files.writeString(file, text, StandardCharsets.UTF_8);
		file.toFile().deleteOnExit();
	}

}
