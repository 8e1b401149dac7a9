package io.miniauth.server.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}), in place of Spring Boot's: the
 * failures that never reached a controller (a request the container refused, an exception
 * in a filter) are problems too, with a code and no stack trace. Asked for directly,
 * {@code /error} is an unknown path.
 */
@Hidden
@RestController
class ErrorProblemController implements ErrorController {

	private final Problems problems;

	ErrorProblemController(Problems problems) {
		this.problems = problems;
	}

	@RequestMapping(path = "${server.error.path:/error}", produces = MediaType.ALL_VALUE)
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		HttpStatus status = (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code)
				? HttpStatus.resolve(code) : null;
		if (status == null || !status.isError()) {
			status = HttpStatus.NOT_FOUND;
		}
		ProblemDetail problem = this.problems.problem(status, ProblemHandler.codeFor(status.value()),
				status.is5xxServerError() ? "Something went wrong on our side" : status.getReasonPhrase());
		if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
			problem.setInstance(URI.create(uri));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
