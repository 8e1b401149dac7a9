package io.miniauth.server.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when it is a sane one),
 * returns it in the {@code X-Request-Id} header and in error bodies, puts it in the log
 * context, and logs one line per request: method, path, status, latency. The query string
 * and the headers are never logged, so no code or token can reach the log this way.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestLogFilter extends OncePerRequestFilter {

	/** The log context key holding the request id. */
	public static final String REQUEST_ID = "requestId";

	static final String HEADER = "X-Request-Id";

	private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private static final Log logger = LogFactory.getLog("io.miniauth.server.requests");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String given = request.getHeader(HEADER);
		String requestId = (given != null && SANE_ID.matcher(given).matches()) ? given : UUID.randomUUID().toString();
		response.setHeader(HEADER, requestId);
		MDC.put(REQUEST_ID, requestId);
		long started = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (logger.isInfoEnabled()) {
				logger.info(request.getMethod() + " " + request.getRequestURI() + " " + response.getStatus() + " "
						+ (System.nanoTime() - started) / 1_000_000 + "ms");
			}
			MDC.remove(REQUEST_ID);
		}
	}

}
