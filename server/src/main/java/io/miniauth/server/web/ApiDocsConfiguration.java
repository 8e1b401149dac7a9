package io.miniauth.server.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
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

	@Bean
	OpenAPI miniAuthOpenApi() {
		return new OpenAPI()
			.info(new Info().title("MiniAuth")
				.description("Login and session service for WeChat Mini Programs. Errors are application/problem+json "
						+ "with a stable `code` and a readable `msg`; see the README for every code.")
				.version("0.1.0"))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	/**
	 * Adds each endpoint's error answers (status, codes, problem+json) from
	 * {@link ApiErrorCatalog}.
	 * @return the customizer
	 */
	@Bean
	OpenApiCustomizer problemResponses() {
		return (openApi) -> {
			openApi.getComponents()
				.addSchemas("Problem",
						new ObjectSchema().description("RFC 9457 problem details")
							.addProperty("type", new StringSchema())
							.addProperty("title", new StringSchema())
							.addProperty("status", new IntegerSchema())
							.addProperty("detail", new StringSchema())
							.addProperty("code", new StringSchema().description("Stable UPPER_SNAKE identifier"))
							.addProperty("msg", new StringSchema().description("Readable message to show"))
							.addProperty("requestId", new StringSchema()));
			ApiErrorCatalog.all().forEach((endpoint, errors) -> {
				String[] methodAndPath = endpoint.split(" ", 2);
				PathItem path = openApi.getPaths().get(methodAndPath[1]);
				Operation operation = (path != null)
						? path.readOperationsMap().get(PathItem.HttpMethod.valueOf(methodAndPath[0])) : null;
				if (operation == null) {
					return;
				}
				errors.forEach((status, codes) -> operation.getResponses()
					.addApiResponse(Integer.toString(status),
							new ApiResponse().description("code: " + String.join(", ", codes))
								.content(new Content().addMediaType("application/problem+json",
										new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))))));
			});
		};
	}

}
