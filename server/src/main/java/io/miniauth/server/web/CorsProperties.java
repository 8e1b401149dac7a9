package io.miniauth.server.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Cross-origin access from browsers, under {@code miniauth.web.cors.}. A mini program
 * sends no CORS requests; web pages on another origin, such as a console, do.
 *
 * @param allowedOrigins the origins (such as {@code https://console.example.com}) whose
 * pages may call the API; none by default
 */
@ConfigurationProperties("miniauth.web.cors")
public record CorsProperties(List<String> allowedOrigins) {

	public CorsProperties {
		allowedOrigins = (allowedOrigins != null) ? List.copyOf(allowedOrigins) : List.of();
	}

}
