package io.miniauth.spring.security;

import java.io.IOException;

import io.miniauth.spring.web.MiniAuthProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * With Spring Security's resource server: answers a missing or refused token with
 * MiniAuth's {@code 401} problem (with {@code reason} for an ended session), and the
 * standard {@code WWW-Authenticate} challenge. Plug it in with
 * {@code http.oauth2ResourceServer((rs) -> rs.jwt(withDefaults()).authenticationEntryPoint(entryPoint))}.
 */
public class MiniAuthAuthenticationEntryPoint implements AuthenticationEntryPoint {

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		problem(authException).write(request, response);
	}

	private static MiniAuthProblem problem(AuthenticationException ex) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof JwtException refused) {
				return MiniAuthProblem.of(refused);
			}
		}
		// a token that is not even a JWT (InvalidBearerTokenException) versus no token at
		// all
		boolean tokenSent = "InvalidBearerTokenException".equals(ex.getClass().getSimpleName());
		return tokenSent ? MiniAuthProblem.of(ex) : MiniAuthProblem.missing();
	}

}
