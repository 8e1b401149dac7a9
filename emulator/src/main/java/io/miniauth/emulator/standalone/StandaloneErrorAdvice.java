package io.miniauth.emulator.standalone;

import io.miniauth.emulator.api.ControlProblem;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The standalone emulator's answer to requests that reach no endpoint at all: an unknown
 * path (404) or a wrong method (405), in the same shape as every control error. Embedded,
 * these belong to the application, which owns the paths.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class StandaloneErrorAdvice {

	@ExceptionHandler({ NoHandlerFoundException.class, NoResourceFoundException.class,
			HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
			HttpMediaTypeNotAcceptableException.class })
	ResponseEntity<ProblemDetail> refused(Exception ex) {
		return ControlProblem.of((ErrorResponse) ex);
	}

}
