package io.miniauth.server.web;

import java.util.ArrayList;
import java.util.List;

import io.miniauth.server.problem.ErrorCode;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.ServerHttpTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document shows every endpoint of the contract and the bearer scheme.
 */
class ApiDocsIntegrationTests extends ServerHttpTests {

	private static final List<String> CONTRACT = List.of("/user/login", "/user/me", "/user/token/refresh",
			"/user/logout", "/user/sessions", "/user/sessions/{id}", "/user/phone", "/user/decrypt",
			"/user/session-key/status", "/user/events", "/.well-known/jwks.json");

	@Test
	void apiDocsWhenFetchedThenEveryContractEndpointAndBearerAuthButNoEmulator() {
		Reply reply = this.api.get("/v3/api-docs");

		assertThat(reply.status()).isEqualTo(200);
		JsonNode doc = reply.json();
		List<String> paths = new ArrayList<>();
		doc.get("paths").propertyNames().forEach(paths::add);
		assertThat(paths).containsAll(CONTRACT);
		assertThat(paths).noneMatch((path) -> path.startsWith("/emulator"));
		assertThat(doc.at("/components/securitySchemes/bearerAuth/scheme").asString()).isEqualTo("bearer");
	}

	@Test
	void apiDocsWhenFetchedThenEveryEndpointOfTheApiReferenceIsInThem() throws java.io.IOException {
		JsonNode doc = this.api.get("/v3/api-docs").json();
		java.util.regex.Matcher heading = java.util.regex.Pattern.compile("(?m)^###.*$")
			.matcher(java.nio.file.Files.readString(java.nio.file.Path.of("../docs/API.md")));
		List<String> endpoints = new ArrayList<>();
		while (heading.find()) {
			java.util.regex.Matcher endpoint = java.util.regex.Pattern.compile("`(GET|POST|PUT|PATCH|DELETE) (/[^`]+)`")
				.matcher(heading.group());
			while (endpoint.find()) {
				endpoints.add(endpoint.group(1) + " " + endpoint.group(2));
			}
		}

		assertThat(endpoints).as("the endpoints docs/API.md describes under a heading of their own")
			.contains("POST /user/login", "GET /user/me", "DELETE /user/sessions/{id}");
		endpoints.stream().filter((endpoint) -> !endpoint.contains(" /actuator/")).forEach((endpoint) -> {
			String[] methodAndPath = endpoint.split(" ", 2);
			assertThat(
					doc.path("paths").path(methodAndPath[1]).has(methodAndPath[0].toLowerCase(java.util.Locale.ROOT)))
				.as(endpoint + " in the OpenAPI document")
				.isTrue();
		});
	}

	@Test
	void apiDocsWhenFetchedThenEveryEndpointListsItsErrorCodesAsProblemJson() {
		JsonNode doc = this.api.get("/v3/api-docs").json();

		ApiErrorCatalog.all().forEach((endpoint, errors) -> {
			String[] methodAndPath = endpoint.split(" ", 2);
			JsonNode responses = doc.path("paths")
				.path(methodAndPath[1])
				.path(methodAndPath[0].toLowerCase(java.util.Locale.ROOT))
				.path("responses");
			errors.forEach((status, codes) -> {
				JsonNode response = responses.path(Integer.toString(status));
				assertThat(response.path("content").has("application/problem+json")).as(endpoint + " " + status)
					.isTrue();
				codes
					.forEach((code) -> assertThat(response.path("description").asString()).as(endpoint).contains(code));
			});
		});
	}

	@Test
	void errorCatalogWhenCheckedThenEveryCodeIsProducedAndAssertedBySomeTest() throws java.io.IOException {
		StringBuilder tests = new StringBuilder();
		try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files
			.walk(java.nio.file.Path.of("src/test/java"))) {
			for (java.nio.file.Path file : files.filter((f) -> f.toString().endsWith("Tests.java")).toList()) {
				tests.append(java.nio.file.Files.readString(file));
			}
		}
		ApiErrorCatalog.all()
			.values()
			.stream()
			.flatMap((errors) -> errors.values().stream())
			.flatMap(List::stream)
			.distinct()
			.forEach((code) -> assertThat(tests).as("a test asserting " + code).contains("\"" + code + "\""));
	}

	@Test
	void apiDocsWhenFetchedThenTheProblemCodeListsEveryErrorCodeAndEveryEndpointItsOutages() {
		JsonNode doc = this.api.get("/v3/api-docs").json();

		List<String> codes = new ArrayList<>();
		doc.at("/components/schemas/Problem/properties/code/enum").forEach((code) -> codes.add(code.asString()));
		assertThat(codes)
			.containsExactly(java.util.Arrays.stream(ErrorCode.values()).map(ErrorCode::name).toArray(String[]::new));
		JsonNode login = doc.at("/paths/~1user~1login/post/responses");
		assertThat(login.at("/500/description").asString()).contains("WECHAT_MISCONFIGURED", "INTERNAL_ERROR");
		assertThat(login.at("/503/description").asString()).contains("WECHAT_UNAVAILABLE", "SERVICE_UNAVAILABLE");
		assertThat(login.at("/503/headers").has("Retry-After")).isTrue();
		assertThat(login.at("/429/headers").has("Retry-After")).isTrue();
		assertThat(login.at("/400/headers").has("Retry-After")).isFalse();
		JsonNode me = doc.at("/paths/~1user~1me/get/responses");
		assertThat(me.at("/503/description").asString()).contains("SERVICE_UNAVAILABLE");
	}

	@Test
	void swaggerUiWhenOpenedThenServed() {
		assertThat(this.api.get("/swagger-ui/index.html").status()).isEqualTo(200);
	}

}
