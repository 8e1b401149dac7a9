package io.miniauth.spring.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Without Spring Security: lets a request to a protected path through only with a valid
 * MiniAuth access token, and answers the others with MiniAuth's {@code 401} problem.
 */
public class MiniAuthInterceptor implements HandlerInterceptor {

	private final MiniAuthAuthentication authentication;

	public MiniAuthInterceptor(MiniAuthAuthentication authentication) {
		this.authentication = authentication;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		if (HttpMethod.OPTIONS.matches(request.getMethod())) {
			return true;
		}
		try {
			this.authentication.authenticate(request);
			return true;
		}
		catch (MiniAuthAuthenticationException ex) {
			ex.problem().write(request, response);
			return false;
		}
	}

}
