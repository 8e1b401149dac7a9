package io.miniauth.server.web;

import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.MDC;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Makes every error answer: an RFC 9457 problem with a {@code code}, a {@code msg} and
 * the request's {@code requestId}, counted in {@code miniauth.problems} by code. The
 * exception handlers and the filters all answer through here, so that the count, the
 * request id and the language cover every error. {@code msg} and {@code detail} are the
 * same text, in the request's language (see {@link MessagesConfiguration}).
 */
@Component
class Problems {

	private final MeterRegistry meters;

	private final MessageSource messages;

	private final LocaleResolver locales;

	Problems(MeterRegistry meters, MessageSource messages, LocaleResolver locales) {
		this.meters = meters;
		this.messages = messages;
		this.locales = locales;
	}

	/**
	 * A new problem for a failure, in the request's language.
	 * @param ex the failure
	 * @return the problem
	 */
	ProblemDetail problem(MiniAuthException ex) {
		return problem(ex.status(), ex.code(), ex);
	}

	/**
	 * A new problem with a code's own message.
	 * @param code the code
	 * @return the problem
	 */
	ProblemDetail problem(ErrorCode code) {
		return problem(code.status(), code.name(), new DefaultMessageSourceResolvable(code.messageKey()));
	}

	/**
	 * A new problem, counted, with the code's message in the request's language.
	 * @param status the HTTP status
	 * @param code the stable UPPER_SNAKE code
	 * @param msg the English message, used when the bundles lack the code
	 * @return the problem
	 */
	ProblemDetail problem(HttpStatusCode status, String code, String msg) {
		return problem(status, code, new DefaultMessageSourceResolvable(new String[] { "problem." + code }, msg));
	}

	/**
	 * A new problem, counted, with a message from the bundles.
	 * @param status the HTTP status
	 * @param code the stable UPPER_SNAKE code
	 * @param message the message's keys, arguments and English fallback
	 * @return the problem
	 */
	ProblemDetail problem(HttpStatusCode status, String code, MessageSourceResolvable message) {
		return counted(ProblemDetail.forStatusAndDetail(status, this.messages.getMessage(message, locale())), code);
	}

	/**
	 * Completes and counts a problem made elsewhere, such as Spring MVC's own for an
	 * unsupported media type or an unknown path, giving it the code's message.
	 * @param problem the problem, with its status and a detail or a title
	 * @param code the stable UPPER_SNAKE code
	 * @return the same problem
	 */
	ProblemDetail complete(ProblemDetail problem, String code) {
		String english = (problem.getDetail() != null) ? problem.getDetail() : problem.getTitle();
		problem.setDetail(this.messages.getMessage("problem." + code, null, english, locale()));
		return counted(problem, code);
	}

	private ProblemDetail counted(ProblemDetail problem, String code) {
		problem.setProperty("code", code);
		problem.setProperty("msg", (problem.getDetail() != null) ? problem.getDetail() : problem.getTitle());
		String requestId = MDC.get(RequestLogFilter.REQUEST_ID);
		if (requestId != null) {
			problem.setProperty("requestId", requestId);
		}
		this.meters.counter("miniauth.problems", "code", code).increment();
		return problem;
	}

	/**
	 * The language of the request being answered, read here rather than taken from Spring
	 * MVC's context, which the filters that answer before it do not have.
	 */
	private Locale locale() {
		HttpServletRequest request = (RequestContextHolder
			.getRequestAttributes() instanceof ServletRequestAttributes attributes) ? attributes.getRequest() : null;
		return this.locales.resolveLocale(request);
	}

}
