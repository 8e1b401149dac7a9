package io.miniauth.emulator.api;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * Turns failed control requests into {@code application/problem+json} with a stable
 * {@code code} and a readable {@code msg}, including the requests Spring MVC refuses on
 * its own (a wrong content type, a missing parameter...).
 */
@RestControllerAdvice(basePackages = "io.miniauth.emulator")
@Order(Ordered.HIGHEST_PRECEDENCE)
class EmulatorControlAdvice {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> controlFailed(EmulatorControlException ex) {
		return ControlProblem.of(ex.status(), ex.code(), ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException ex) {
		String msg = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> error.getField() + " " + error.getDefaultMessage())
			.sorted()
			.findFirst()
			.orElse("The request is not valid");
		return ControlProblem.of(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", msg);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		return ControlProblem.of(HttpStatus.BAD_REQUEST, "INVALID_REQUEST",
				"The request body is not valid JSON for this endpoint");
	}

	/**
	 * Every other refusal of Spring MVC's (they all carry their status): 415 for a body
	 * that is not JSON, 400 for a missing parameter, and so on.
	 */
	@ExceptionHandler({ HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class,
			HttpRequestMethodNotSupportedException.class, ServletRequestBindingException.class,
			HandlerMethodValidationException.class, ErrorResponseException.class })
	ResponseEntity<ProblemDetail> refused(Exception ex) {
		return ControlProblem.of((ErrorResponse) ex);
	}

}
