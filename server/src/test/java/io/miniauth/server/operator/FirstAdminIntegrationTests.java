package io.miniauth.server.operator;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.MiniAuthTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh start without a bootstrap password: the start-up log prints a one-time setup
 * link, through which the first admin is created once.
 */
@MiniAuthTest
// a context of its own, so that its start-up log is this test's
@TestPropertySource(properties = "miniauth.admin.bootstrap-username=first-start")
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void setupLinkWhenUsedThenFirstAdminSignsInAndLinkIsSpent(CapturedOutput output) {
		Matcher link = Pattern.compile("/admin/#/setup\\?token=([A-Za-z0-9_-]+)").matcher(output.getAll());
		assertThat(link.find()).as("setup link in the log").isTrue();
		String token = link.group(1);
		Console browser = new Console(this.port);
		assertThat(browser.get("/admin/api/setup").json().get("needed").asBoolean()).isTrue();

		Reply wrong = browser.send("POST", "/admin/api/setup",
				Api.json(Map.of("token", "guessed", "username", "boss", "password", "boss-password")), true);
		Reply created = browser.send("POST", "/admin/api/setup",
				Api.json(Map.of("token", token, "username", "boss", "password", "boss-password")), true);
		Reply again = browser.send("POST", "/admin/api/setup",
				Api.json(Map.of("token", token, "username", "intruder", "password", "intruder-password")), true);

		assertThat(wrong.status()).isEqualTo(403);
		assertThat(wrong.code()).isEqualTo("SETUP_TOKEN_INVALID");
		assertThat(created.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(403);
		assertThat(new Console(this.port).signIn("boss", "boss-password").status()).isEqualTo(200);
		assertThat(browser.get("/admin/api/setup").json().get("needed").asBoolean()).isFalse();
	}

}
