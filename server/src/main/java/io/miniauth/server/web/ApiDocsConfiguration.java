package io.miniauth.server.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

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

}
