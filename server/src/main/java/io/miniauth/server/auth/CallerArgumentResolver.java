package io.miniauth.server.auth;

import io.miniauth.server.token.Caller;
import io.miniauth.server.token.TokenMissingException;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Hands a controller method the {@link Caller} that the interceptor verified.
 */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Caller.class.equals(parameter.getParameterType());
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		Object caller = webRequest.getAttribute(AuthenticationInterceptor.CALLER_ATTRIBUTE,
				RequestAttributes.SCOPE_REQUEST);
		if (caller == null) {
			throw new TokenMissingException();
		}
		return caller;
	}

}
