package io.miniauth.server.web;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.ServerHttpTests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error answer, whether this service's own, Spring MVC's, or the body size
 * filter's, carries the request id and is counted in {@code miniauth_problems_total} by
 * its code.
 */
class ProblemAnswersIntegrationTests extends ServerHttpTests {

	@Test
	void requestWhenContentTypeIsNotJsonThen415WithRequestIdAndCounted() {
		double before = problems(this.api, "UNSUPPORTED_MEDIA_TYPE");

		Reply reply = this.api.send("POST", "/user/login", BodyPublishers.ofString("code=abc"), "Content-Type",
				"application/x-www-form-urlencoded", "X-Request-Id", "media-type-415");

		assertThat(reply.status()).isEqualTo(415);
		assertProblem(reply, "UNSUPPORTED_MEDIA_TYPE", "media-type-415");
		assertThat(problems(this.api, "UNSUPPORTED_MEDIA_TYPE")).isEqualTo(before + 1);
	}

	@Test
	void requestWhenBodyFailsValidationThen400WithRequestIdAndCounted() {
		double before = problems(this.api, "INVALID_REQUEST");

		Reply reply = this.api.post("/user/login", Api.json(Map.of("code", " ")), "X-Request-Id", "blank-code-400");

		assertThat(reply.status()).isEqualTo(400);
		assertProblem(reply, "INVALID_REQUEST", "blank-code-400");
		assertThat(reply.json().get("msg").asString()).startsWith("code ");
		assertThat(problems(this.api, "INVALID_REQUEST")).isEqualTo(before + 1);
	}

	@Test
	void requestWhenBodyIsNotJsonThen400WithRequestIdAndCounted() {
		double before = problems(this.api, "INVALID_REQUEST");

		Reply reply = this.api.post("/user/login", "{\"code\":", "X-Request-Id", "broken-json-400");

		assertThat(reply.status()).isEqualTo(400);
		assertProblem(reply, "INVALID_REQUEST", "broken-json-400");
		assertThat(problems(this.api, "INVALID_REQUEST")).isEqualTo(before + 1);
	}

	@Test
	void requestWhenDeclaredBodyTooLargeThen413FromTheFilterWithRequestIdAndCounted() {
		double before = problems(this.api, "PAYLOAD_TOO_LARGE");

		Reply reply = this.api.post("/user/login", Api.json(Map.of("code", "x".repeat(20_000))), "X-Request-Id",
				"declared-413");

		assertThat(reply.status()).isEqualTo(413);
		assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
		assertProblem(reply, "PAYLOAD_TOO_LARGE", "declared-413");
		assertThat(reply.json().get("instance").asString()).isEqualTo("/user/login");
		assertThat(reply.json().get("msg").asString()).isEqualTo("提交的内容太多了，请精简后重试");
		assertThat(problems(this.api, "PAYLOAD_TOO_LARGE")).isEqualTo(before + 1);
	}

	@Test
	void requestWhenChunkedBodyGrowsTooLargeThen413WithRequestIdAndCounted() {
		double before = problems(this.api, "PAYLOAD_TOO_LARGE");
		byte[] body = Api.json(Map.of("code", "x".repeat(20_000))).getBytes();

		Reply reply = this.api.send("POST", "/user/login",
				BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), "Content-Type", "application/json",
				"X-Request-Id", "chunked-413");

		assertThat(reply.status()).isEqualTo(413);
		assertProblem(reply, "PAYLOAD_TOO_LARGE", "chunked-413");
		assertThat(problems(this.api, "PAYLOAD_TOO_LARGE")).isEqualTo(before + 1);
	}

	@Test
	void requestWhenMethodNotAllowedThen405WithRequestIdAndCounted() {
		double before = problems(this.api, "METHOD_NOT_ALLOWED");

		Reply reply = this.api.get("/user/login", "X-Request-Id", "method-405");

		assertThat(reply.status()).isEqualTo(405);
		assertProblem(reply, "METHOD_NOT_ALLOWED", "method-405");
		assertThat(problems(this.api, "METHOD_NOT_ALLOWED")).isEqualTo(before + 1);
	}

	@Test
	void requestWhenPathUnknownThen404WithRequestIdAndCounted() {
		double before = problems(this.api, "NOT_FOUND");

		Reply reply = this.api.get("/nowhere", "X-Request-Id", "path-404");

		assertThat(reply.status()).isEqualTo(404);
		assertProblem(reply, "NOT_FOUND", "path-404");
		assertThat(problems(this.api, "NOT_FOUND")).isEqualTo(before + 1);
	}

	private static void assertProblem(Reply reply, String code, String requestId) {
		assertThat(reply.json().get("code").asString()).isEqualTo(code);
		assertThat(reply.json().get("requestId").asString()).isEqualTo(requestId);
		assertThat(reply.header("X-Request-Id")).isEqualTo(requestId);
		assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at io.");
	}

	private static double problems(Api api, String code) {
		String scrape = api.get("/actuator/prometheus").body();
		Matcher line = Pattern.compile("(?m)^miniauth_problems_total\\{[^}]*code=\"" + code + "\"[^}]*\\} (\\S+)$")
			.matcher(scrape);
		return line.find() ? Double.parseDouble(line.group(1)) : 0;
	}

}
