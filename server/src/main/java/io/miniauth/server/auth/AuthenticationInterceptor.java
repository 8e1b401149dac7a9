package io.miniauth.server.auth;

import java.util.Collections;

import io.miniauth.server.session.Sessions;
import io.miniauth.server.token.AccessToken;
import io.miniauth.server.token.AccessTokenVerifier;
import io.miniauth.server.token.TokenInvalidException;
import io.miniauth.server.token.TokenMissingException;
import io.miniauth.server.web.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets a request through only with a valid access token whose session has not ended and
 * whose app is the one the request names (if it names one), and records its
 * {@link Caller}.
 */
class AuthenticationInterceptor implements HandlerInterceptor {

	static final String CALLER_ATTRIBUTE = Caller.class.getName();

	private final AccessTokenVerifier verifier;

	private final Sessions sessions;

	AuthenticationInterceptor(AccessTokenVerifier verifier, Sessions sessions) {
		this.verifier = verifier;
		this.sessions = sessions;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION)).size() > 1) {
			// which one was meant would be a guess
			throw new InvalidRequestException("invalid.two-authorization-headers",
					"Send one Authorization header, not several");
		}
		String token = BearerToken.from(request.getHeader(HttpHeaders.AUTHORIZATION))
			.orElseThrow(TokenMissingException::new);
		AccessToken accessToken = this.verifier.verify(token);
		String requestedApp = RequestedApp.from(request);
		if (requestedApp != null && !requestedApp.equals(accessToken.appid())) {
			throw new TokenInvalidException("The access token was issued for another app");
		}
		this.sessions.requireActive(accessToken.sessionId(), accessToken.userId());
		request.setAttribute(CALLER_ATTRIBUTE,
				new Caller(accessToken.userId(), accessToken.appid(), accessToken.sessionId()));
		return true;
	}

}
