package io.miniauth.server.web;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.miniauth.server.problem.ErrorCode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}):
 * MiniAuth's own API with its bearer authentication. The emulator is documented in its
 * own README and left out here.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

	static final String BEARER = "bearerAuth";

	/** What any endpoint may answer: a failure nobody foresaw, or a store outage. */
	static final List<ErrorCode> EVERY_ENDPOINT = List.of(ErrorCode.INTERNAL_ERROR, ErrorCode.SERVICE_UNAVAILABLE);

	@Bean
	OpenAPI miniAuthOpenApi() {
		return new OpenAPI()
			.info(new Info().title("MiniAuth")
				.description("Login and session service for WeChat Mini Programs. Errors are application/problem+json "
						+ "with a stable `code` and a readable `msg`; see docs/API.md for every code.")
				.version("0.1.0"))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	/**
	 * Adds each endpoint's error answers (status, codes, problem+json) from
	 * {@link ApiErrorCatalog}, plus the ones any endpoint can give
	 * ({@link #EVERY_ENDPOINT}); the {@code code} member lists every {@link ErrorCode},
	 * and an answer whose codes carry {@code Retry-After} documents that header.
	 * @return the customizer
	 */
	@Bean
	OpenApiCustomizer problemResponses() {
		return (openApi) -> {
			openApi.getComponents()
				.addSchemas("Problem", new ObjectSchema().description("RFC 9457 problem details")
					.addProperty("type", new StringSchema())
					.addProperty("title", new StringSchema())
					.addProperty("status", new IntegerSchema())
					.addProperty("detail", new StringSchema())
					.addProperty("code",
							new StringSchema().description("Stable UPPER_SNAKE identifier, the same in every language")
								._enum(Arrays.stream(ErrorCode.values()).map(ErrorCode::name).toList()))
					.addProperty("msg",
							new StringSchema().description(
									"Readable message to show, in the language of Accept-Language (zh-CN by default)"))
					.addProperty("requestId", new StringSchema()));
			ApiErrorCatalog.all().forEach((endpoint, errors) -> {
				String[] methodAndPath = endpoint.split(" ", 2);
				PathItem path = openApi.getPaths().get(methodAndPath[1]);
				Operation operation = (path != null)
						? path.readOperationsMap().get(PathItem.HttpMethod.valueOf(methodAndPath[0])) : null;
				if (operation == null) {
					return;
				}
				Map<Integer, Set<String>> answers = new TreeMap<>();
				errors.forEach(
						(status, codes) -> answers.computeIfAbsent(status, (s) -> new LinkedHashSet<>()).addAll(codes));
				EVERY_ENDPOINT
					.forEach((code) -> answers.computeIfAbsent(code.status().value(), (s) -> new LinkedHashSet<>())
						.add(code.name()));
				answers.forEach((status, codes) -> operation.getResponses()
					.addApiResponse(Integer.toString(status), response(codes)));
			});
		};
	}

	private static ApiResponse response(Set<String> codes) {
		ApiResponse response = new ApiResponse().description("code: " + String.join(", ", codes))
			.content(new Content().addMediaType("application/problem+json",
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
		if (codes.stream().map(ErrorCode::find).flatMap(Optional::stream).anyMatch(ErrorCode::retryAfter)) {
			response.addHeaderObject("Retry-After",
					new Header().description("Seconds to wait before trying again").schema(new IntegerSchema()));
		}
		return response;
	}

}
