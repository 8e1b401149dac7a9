package io.miniauth.emulator.api;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns failed control requests into {@code application/problem+json} with a stable
 * {@code code} and a readable {@code msg}.
 */
@RestControllerAdvice(basePackages = "io.miniauth.emulator")
@Order(Ordered.HIGHEST_PRECEDENCE)
class EmulatorControlAdvice {

	@ExceptionHandler
	ProblemDetail controlFailed(EmulatorControlException ex) {
		return problem(ex.status(), ex.code(), ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalid(MethodArgumentNotValidException ex) {
		String msg = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> error.getField() + " " + error.getDefaultMessage())
			.sorted()
			.findFirst()
			.orElse("The request is not valid");
		return problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", msg);
	}

	@ExceptionHandler
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		return problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST",
				"The request body is not valid JSON for this endpoint");
	}

	private static ProblemDetail problem(HttpStatus status, String code, String msg) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, msg);
		problem.setProperty("code", code);
		problem.setProperty("msg", msg);
		return problem;
	}

}
