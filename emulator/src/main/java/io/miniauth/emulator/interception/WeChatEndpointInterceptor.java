package io.miniauth.emulator.interception;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.miniauth.emulator.api.WeChatEndpoint;
import io.miniauth.emulator.api.WeChatError;
import io.miniauth.emulator.api.WeChatResponses;
import io.miniauth.emulator.call.CallCounts;
import io.miniauth.emulator.fault.Faults;
import io.miniauth.emulator.fault.Faults.Decision;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The one place every WeChat endpoint goes through: it applies the injected faults
 * (latency, errors, hangs, dropped connections) and counts each call by outcome, always
 * before the answer leaves, so that a caller holding its answer can trust the counts.
 * <p>
 * An injected error or drop answers before the endpoint runs, so nothing is spent (a
 * login code stays usable and a retry can succeed). A hang runs the endpoint after the
 * wait, as a slow WeChat would: a client that gave up meanwhile finds its code spent.
 */
public final class WeChatEndpointInterceptor implements HandlerInterceptor {

	/** How many bytes a dropped answer claims to have; fewer are sent. */
	private static final int DROPPED_CONTENT_LENGTH = 1024;

	private static final String COUNTED_ATTRIBUTE = WeChatEndpointInterceptor.class.getName() + ".counted";

	private final Faults faults;

	private final CallCounts calls;

	private final JsonMapper jsonMapper;

	public WeChatEndpointInterceptor(Faults faults, CallCounts calls, JsonMapper jsonMapper) {
		Assert.notNull(faults, "faults cannot be null");
		Assert.notNull(calls, "calls cannot be null");
		Assert.notNull(jsonMapper, "jsonMapper cannot be null");
		this.faults = faults;
		this.calls = calls;
		this.jsonMapper = jsonMapper;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		WeChatEndpoint endpoint = endpointOf(handler);
		if (endpoint == null) {
			return true;
		}
		Decision decision = this.faults.decide(endpoint.value());
		pause(decision.latencyMs());
		switch (decision.kind()) {
			case ERROR -> {
				this.calls.record(endpoint.value(), String.valueOf(decision.errcode()));
				writeError(response, endpoint, decision.errcode());
				return false;
			}
			case DROP -> {
				this.calls.record(endpoint.value(), "drop");
				drop(response, endpoint);
				return false;
			}
			case HANG -> {
				this.calls.record(endpoint.value(), "hang");
				request.setAttribute(COUNTED_ATTRIBUTE, Boolean.TRUE);
				pause(decision.hangMs());
				return true;
			}
			default -> {
				return true;
			}
		}
	}

	/**
	 * Counts a call that answered without a body being written through the endpoint (such
	 * as a failure of the endpoint itself); answers with a body are counted before it is
	 * written, by {@link AnswerCountingAdvice}.
	 */
	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		WeChatEndpoint endpoint = endpointOf(handler);
		if (endpoint != null) {
			recordOnce(this.calls, endpoint, request, response);
		}
	}

	/**
	 * Counts the call by the outcome of its answer, unless it was counted already.
	 * @param calls the counts
	 * @param endpoint the endpoint called
	 * @param request the call
	 * @param response its answer, whose status stands for the outcome when the endpoint
	 * noted none
	 */
	static void recordOnce(CallCounts calls, WeChatEndpoint endpoint, HttpServletRequest request,
			HttpServletResponse response) {
		if (request.getAttribute(COUNTED_ATTRIBUTE) != null) {
			return;
		}
		request.setAttribute(COUNTED_ATTRIBUTE, Boolean.TRUE);
		Object outcome = request.getAttribute(WeChatResponses.OUTCOME_ATTRIBUTE);
		calls.record(endpoint.value(), (outcome != null) ? outcome.toString() : String.valueOf(response.getStatus()));
	}

	private void writeError(HttpServletResponse response, WeChatEndpoint endpoint, int errcode) throws IOException {
		byte[] body = this.jsonMapper.writeValueAsBytes(WeChatError.injected(errcode));
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(contentType(endpoint));
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	/**
	 * Cuts the connection mid-answer: the headers promise more bytes than are sent, and
	 * {@code Connection: close} makes the server close the socket, so the client reads a
	 * premature end of stream.
	 */
	private void drop(HttpServletResponse response, WeChatEndpoint endpoint) throws IOException {
		response.setStatus(HttpServletResponse.SC_OK);
		response.setHeader(HttpHeaders.CONNECTION, "close");
		response.setContentType(contentType(endpoint));
		response.setContentLength(DROPPED_CONTENT_LENGTH);
		ServletOutputStream out = response.getOutputStream();
		out.write("{\"errcode\":".getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private static String contentType(WeChatEndpoint endpoint) {
		return endpoint.plainText() ? MediaType.TEXT_PLAIN_VALUE : WeChatResponses.JSON_UTF8.toString();
	}

	private static WeChatEndpoint endpointOf(Object handler) {
		return (handler instanceof HandlerMethod method) ? method.getMethodAnnotation(WeChatEndpoint.class) : null;
	}

	private static void pause(long millis) {
		if (millis <= 0) {
			return;
		}
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
