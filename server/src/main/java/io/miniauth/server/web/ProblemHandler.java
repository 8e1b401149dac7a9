package io.miniauth.server.web;

import java.util.Comparator;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every failure as {@code application/problem+json} (RFC 9457) with two extra
 * members: {@code code}, a stable UPPER_SNAKE identifier, and {@code msg}, the readable
 * text that mini program code shows. No stack trace and no secret ever reaches the
 * client.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Log log = LogFactory.getLog(ProblemHandler.class);

	private static final Map<Integer, String> CODES = Map.of(400, "INVALID_REQUEST", 404, "NOT_FOUND", 405,
			"METHOD_NOT_ALLOWED", 406, "NOT_ACCEPTABLE", 413, "PAYLOAD_TOO_LARGE", 415, "UNSUPPORTED_MEDIA_TYPE", 500,
			"INTERNAL_ERROR", 503, "SERVICE_UNAVAILABLE");

	private final Problems problems;

	ProblemHandler(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler
	ResponseEntity<Object> miniAuthFailure(MiniAuthException ex) {
		ProblemDetail problem = this.problems.problem(ex.status(), ex.code(), ex.getMessage());
		ex.properties().forEach(problem::setProperty);
		return ResponseEntity.status(ex.status()).headers(ex.headers()).body(problem);
	}

	/**
	 * The database or Redis cannot be reached, or a connection broke during the request
	 * (including while a transaction began, committed or rolled back): the request may be
	 * tried again.
	 */
	@ExceptionHandler({ TransientDataAccessException.class, DataAccessResourceFailureException.class,
			CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
			TransactionSystemException.class })
	ResponseEntity<Object> storeUnavailable(RuntimeException ex) {
		log.warn("The database or Redis is not answering: " + ex.getClass().getSimpleName());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(this.problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
					"The service is busy or briefly unavailable: try again in a few seconds"));
	}

	@ExceptionHandler
	ResponseEntity<Object> unexpectedFailure(Exception ex) {
		log.error("Unexpected failure", ex);
		return ResponseEntity.internalServerError()
			.body(this.problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
					"Something went wrong on our side"));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String msg = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.sorted(Comparator.comparing(FieldError::getField))
			.map((error) -> error.getField() + " " + error.getDefaultMessage())
			.findFirst()
			.orElse("The request is not valid");
		return ResponseEntity.badRequest().body(this.problems.problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", msg));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (causedBy(ex, RequestBodyTooLargeException.class)) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.body(this.problems.problem(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
						RequestBodyTooLargeException.MSG));
		}
		return ResponseEntity.badRequest()
			.body(this.problems.problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST",
					"The request body is not JSON of the expected shape"));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem
				&& problem.getProperties() == null) {
			// Spring MVC's own failures: an unsupported media type, an unknown path, ...
			this.problems.complete(problem, CODES.getOrDefault(statusCode.value(), "HTTP_" + statusCode.value()));
		}
		return response;
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

}
