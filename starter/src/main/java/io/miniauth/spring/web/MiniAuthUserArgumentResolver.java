package io.miniauth.spring.web;

import io.miniauth.spring.MiniAuthPrincipal;
import io.miniauth.spring.MiniAuthUser;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves {@code @MiniAuthUser MiniAuthPrincipal} controller parameters.
 */
public class MiniAuthUserArgumentResolver implements HandlerMethodArgumentResolver {

	private final MiniAuthAuthentication authentication;

	public MiniAuthUserArgumentResolver(MiniAuthAuthentication authentication) {
		this.authentication = authentication;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.hasParameterAnnotation(MiniAuthUser.class)
				&& MiniAuthPrincipal.class.equals(parameter.getParameterType());
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		return this.authentication.authenticate(webRequest.getNativeRequest(HttpServletRequest.class));
	}

}
