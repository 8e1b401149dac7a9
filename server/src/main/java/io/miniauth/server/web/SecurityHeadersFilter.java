package io.miniauth.server.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Headers on every answer: {@code X-Content-Type-Options: nosniff}; HSTS when the request
 * came over TLS (directly, or through a proxy that says so in {@code X-Forwarded-Proto}
 * with {@code server.forward-headers-strategy=native}); and {@code Cache-Control:
 * no-store} on the {@code /user/**} answers, which carry personal data or tokens.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class SecurityHeadersFilter extends OncePerRequestFilter {

	static final String HSTS = "max-age=31536000";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("X-Content-Type-Options", "nosniff");
		if (request.isSecure()) {
			response.setHeader("Strict-Transport-Security", HSTS);
		}
		if (request.getRequestURI().startsWith("/user/")) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		}
		chain.doFilter(request, response);
	}

}
