package io.miniauth.server.web;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
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

	/** The codes of Spring MVC's own failures, by status. */
	private static final Map<Integer, ErrorCode> CODES = Map.of(400, ErrorCode.INVALID_REQUEST, 404,
			ErrorCode.NOT_FOUND, 405, ErrorCode.METHOD_NOT_ALLOWED, 406, ErrorCode.NOT_ACCEPTABLE, 413,
			ErrorCode.PAYLOAD_TOO_LARGE, 415, ErrorCode.UNSUPPORTED_MEDIA_TYPE, 500, ErrorCode.INTERNAL_ERROR, 503,
			ErrorCode.SERVICE_UNAVAILABLE);

	/** How long to wait after the database or Redis failed. */
	private static final Duration STORE_RETRY_AFTER = Duration.ofSeconds(5);

	private final Problems problems;

	/**
	 * The code of a failure that has no code of its own, by its status.
	 * @param status the HTTP status
	 * @return the code
	 */
	static String codeFor(int status) {
		ErrorCode code = CODES.get(status);
		return (code != null) ? code.name() : "HTTP_" + status;
	}

	ProblemHandler(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler
	ResponseEntity<Object> miniAuthFailure(MiniAuthException ex) {
		ProblemDetail problem = this.problems.problem(ex);
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
		return ResponseEntity.status(ErrorCode.SERVICE_UNAVAILABLE.status())
			.header(HttpHeaders.RETRY_AFTER, Long.toString(STORE_RETRY_AFTER.toSeconds()))
			.body(this.problems.problem(ErrorCode.SERVICE_UNAVAILABLE));
	}

	@ExceptionHandler
	ResponseEntity<Object> unexpectedFailure(Exception ex) {
		log.error("Unexpected failure", ex);
		return ResponseEntity.internalServerError().body(this.problems.problem(ErrorCode.INTERNAL_ERROR));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		// the first broken rule, by field name, in the bundles' words for it (keys such
		// as
		// NotBlank and Size, with the field's name as {0})
		MessageSourceResolvable rule = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.sorted(Comparator.comparing(FieldError::getField))
			.<MessageSourceResolvable>map((error) -> new DefaultMessageSourceResolvable(error.getCodes(),
					error.getArguments(), error.getField() + " " + error.getDefaultMessage()))
			.findFirst()
			.orElse(new DefaultMessageSourceResolvable(ErrorCode.INVALID_REQUEST.messageKey()));
		return ResponseEntity.badRequest()
			.body(this.problems.problem(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_REQUEST.name(), rule));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (causedBy(ex, RequestBodyTooLargeException.class)) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.body(this.problems.problem(ErrorCode.PAYLOAD_TOO_LARGE));
		}
		return ResponseEntity.badRequest()
			.body(this.problems.problem(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_REQUEST.name(),
					new DefaultMessageSourceResolvable(new String[] { "invalid.body-not-json" },
							"The request body is not JSON of the expected shape")));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem
				&& problem.getProperties() == null) {
			// Spring MVC's own failures: an unsupported media type, an unknown path, ...
			this.problems.complete(problem, codeFor(statusCode.value()));
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
