package io.miniauth.server.web;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.MDC;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Makes every error answer: an RFC 9457 problem with a {@code code}, a {@code msg} and
 * the request's {@code requestId}, counted in {@code miniauth.problems} by code. The
 * exception handlers and the filters all answer through here, so that the count and the
 * request id cover every error.
 */
@Component
class Problems {

	private final MeterRegistry meters;

	Problems(MeterRegistry meters) {
		this.meters = meters;
	}

	/**
	 * A new problem, counted.
	 * @param status the HTTP status
	 * @param code the stable UPPER_SNAKE code
	 * @param msg the readable message, also the {@code detail}
	 * @return the problem
	 */
	ProblemDetail problem(HttpStatusCode status, String code, String msg) {
		return complete(ProblemDetail.forStatusAndDetail(status, msg), code);
	}

	/**
	 * Completes and counts a problem made elsewhere, such as Spring MVC's own for an
	 * unsupported media type or an unknown path.
	 * @param problem the problem, with its status and a detail or a title
	 * @param code the stable UPPER_SNAKE code
	 * @return the same problem
	 */
	ProblemDetail complete(ProblemDetail problem, String code) {
		problem.setProperty("code", code);
		problem.setProperty("msg", (problem.getDetail() != null) ? problem.getDetail() : problem.getTitle());
		String requestId = MDC.get(RequestLogFilter.REQUEST_ID);
		if (requestId != null) {
			problem.setProperty("requestId", requestId);
		}
		this.meters.counter("miniauth.problems", "code", code).increment();
		return problem;
	}

}
