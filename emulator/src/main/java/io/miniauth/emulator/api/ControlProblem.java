package io.miniauth.emulator.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;

/**
 * The shape of every control error: {@code application/problem+json} with the HTTP
 * status, a stable {@code code} and a readable {@code msg}.
 */
public final class ControlProblem {

	private ControlProblem() {
	}

	/**
	 * A control error.
	 * @param status the HTTP status
	 * @param code the stable code
	 * @param msg what went wrong, for a person
	 * @return the answer
	 */
	public static ResponseEntity<ProblemDetail> of(HttpStatusCode status, String code, String msg) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, msg);
		problem.setProperty("code", code);
		problem.setProperty("msg", msg);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/**
	 * A request Spring MVC refused before or while reading it (unknown path, wrong
	 * method, wrong content type, missing parameter...), with the headers the refusal
	 * calls for, such as {@code Allow} or {@code Accept}.
	 * @param error the refusal
	 * @return the answer
	 */
	public static ResponseEntity<ProblemDetail> of(ErrorResponse error) {
		HttpStatusCode status = error.getStatusCode();
		String msg = (error.getBody().getDetail() != null) ? error.getBody().getDetail()
				: "The request cannot be served (HTTP " + status.value() + ")";
		ResponseEntity<ProblemDetail> problem = of(status, codeOf(status), msg);
		return ResponseEntity.status(status)
			.headers(error.getHeaders())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem.getBody());
	}

	private static String codeOf(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		if (known == null) {
			return "HTTP_" + status.value();
		}
		return switch (known) {
			case BAD_REQUEST -> "INVALID_REQUEST";
			case NOT_FOUND -> "NOT_FOUND";
			case METHOD_NOT_ALLOWED -> "METHOD_NOT_ALLOWED";
			case NOT_ACCEPTABLE -> "NOT_ACCEPTABLE";
			case UNSUPPORTED_MEDIA_TYPE -> "UNSUPPORTED_MEDIA_TYPE";
			default -> known.name();
		};
	}

}
