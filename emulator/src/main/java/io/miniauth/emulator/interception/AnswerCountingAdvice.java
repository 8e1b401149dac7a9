package io.miniauth.emulator.interception;

import io.miniauth.emulator.api.WeChatEndpoint;
import io.miniauth.emulator.call.CallCounts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Counts a WeChat endpoint's answer by outcome just before its body is written. A caller
 * that holds its answer therefore finds its call in {@code /emulator/calls}, whatever
 * connection it reads them over.
 */
@RestControllerAdvice(basePackages = "io.miniauth.emulator")
class AnswerCountingAdvice implements ResponseBodyAdvice<Object> {

	private final CallCounts calls;

	AnswerCountingAdvice(CallCounts calls) {
		this.calls = calls;
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return returnType.hasMethodAnnotation(WeChatEndpoint.class);
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
			Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (request instanceof ServletServerHttpRequest servletRequest
				&& response instanceof ServletServerHttpResponse servletResponse) {
			WeChatEndpoint endpoint = returnType.getMethodAnnotation(WeChatEndpoint.class);
			WeChatEndpointInterceptor.recordOnce(this.calls, endpoint, servletRequest.getServletRequest(),
					servletResponse.getServletResponse());
		}
		return body;
	}

}
