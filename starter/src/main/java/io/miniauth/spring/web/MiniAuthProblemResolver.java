package io.miniauth.spring.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers a {@link MiniAuthAuthenticationException} (a {@code @MiniAuthUser} parameter
 * without a valid token) with MiniAuth's problem, before any other resolver.
 */
public class MiniAuthProblemResolver implements HandlerExceptionResolver, Ordered {

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!(ex instanceof MiniAuthAuthenticationException refused)) {
			return null;
		}
		try {
			refused.problem().write(request, response);
		}
		catch (IOException writeFailure) {
			return null;
		}
		return new ModelAndView();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
