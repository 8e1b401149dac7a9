package io.miniauth.server.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * The CORS policy, applied by a filter in front of everything else: preflights are
 * answered there (the authentication never sees them), 200 with the CORS headers for an
 * origin in {@code miniauth.web.cors.allowed-origins}, otherwise 403
 * {@code CORS_ORIGIN_NOT_ALLOWED}. A cross-origin request from another origin is served
 * without CORS headers, so that the browser does not hand the answer to the page.
 */
@Configuration(proxyBeanMethods = false)
class CrossOriginConfiguration {

	@Bean
	FilterRegistrationBean<CorsFilter> corsFilter(CorsProperties properties, Problems problems, JsonMapper json) {
		CorsConfiguration policy = new CorsConfiguration();
		policy.setAllowedOrigins(properties.allowedOrigins());
		policy.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
		policy.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "X-Request-Id"));
		policy.setExposedHeaders(List.of("X-Request-Id", HttpHeaders.RETRY_AFTER));
		policy.setMaxAge(600L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", policy);
		CorsFilter filter = new CorsFilter(source);
		filter.setCorsProcessor(new ProblemCorsProcessor(problems, json));
		FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(filter);
		// after the request id and the security headers, before anything that reads the
		// request
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		return registration;
	}

	/**
	 * Spring's CORS processor, but a refused preflight gets a problem, and a refused
	 * request that is not a preflight goes on, without CORS headers.
	 */
	static final class ProblemCorsProcessor extends DefaultCorsProcessor {

		private final Problems problems;

		private final JsonMapper json;

		ProblemCorsProcessor(Problems problems, JsonMapper json) {
			this.problems = problems;
			this.json = json;
		}

		@Override
		public boolean processRequest(CorsConfiguration config, HttpServletRequest request,
				HttpServletResponse response) throws IOException {
			boolean preflight = CorsUtils.isPreFlightRequest(request);
			if (!preflight && config != null && CorsUtils.isCorsRequest(request)
					&& config.checkOrigin(request.getHeader(HttpHeaders.ORIGIN)) == null) {
				return true;
			}
			if (!super.processRequest(config, request, response)) {
				ProblemDetail problem = this.problems.problem(ErrorCode.CORS_ORIGIN_NOT_ALLOWED);
				problem.setInstance(URI.create(request.getRequestURI()));
				response.setStatus(HttpStatus.FORBIDDEN.value());
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				this.json.writeValue(response.getOutputStream(), problem);
				return false;
			}
			return true;
		}

		@Override
		protected void rejectRequest(ServerHttpResponse response) {
			// the problem is written by processRequest
		}

	}

}
