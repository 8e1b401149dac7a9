package io.miniauth.server.operator;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates admin API requests that carry {@code Authorization: Bearer <key>} with an
 * API key (a wrong key, a mini program access token included, is refused with 401 even
 * when a console session exists), and drops a console session whose operator was deleted
 * or given another role meanwhile.
 */
class OperatorAuthenticationFilter extends OncePerRequestFilter {

	private final ApiKeys apiKeys;

	private final Operators operators;

	private final AuthenticationEntryPoint entryPoint;

	OperatorAuthenticationFilter(ApiKeys apiKeys, Operators operators, AuthenticationEntryPoint entryPoint) {
		this.apiKeys = apiKeys;
		this.operators = operators;
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null) {
			Optional<OperatorPrincipal> caller = bearer(authorization).flatMap(this.apiKeys::authenticate);
			if (caller.isEmpty()) {
				SecurityContextHolder.clearContext();
				this.entryPoint.commence(request, response,
						new InsufficientAuthenticationException("not a valid API key"));
				return;
			}
			SecurityContextHolder.getContext().setAuthentication(authenticated(caller.get()));
		}
		else {
			Authentication current = SecurityContextHolder.getContext().getAuthentication();
			if (current != null && current.getPrincipal() instanceof OperatorPrincipal principal
					&& principal.isOperator() && !this.operators.stillValid(principal)) {
				SecurityContextHolder.clearContext();
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
			}
		}
		chain.doFilter(request, response);
	}

	private static Optional<String> bearer(String authorization) {
		String value = authorization.strip();
		if (!value.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
			return Optional.empty();
		}
		String key = value.substring("bearer ".length()).strip();
		return key.isEmpty() ? Optional.empty() : Optional.of(key);
	}

	static Authentication authenticated(OperatorPrincipal principal) {
		return UsernamePasswordAuthenticationToken.authenticated(principal, null,
				List.of(principal.role().authority()));
	}

}
