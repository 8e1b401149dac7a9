package io.miniauth.spring.web;

/**
 * A request that needs a MiniAuth user has no valid token; it is answered with the
 * problem it carries.
 */
public class MiniAuthAuthenticationException extends RuntimeException {

	private final transient MiniAuthProblem problem;

	MiniAuthAuthenticationException(MiniAuthProblem problem) {
		super(problem.code(), null, false, false);
		this.problem = problem;
	}

	public MiniAuthProblem problem() {
		return this.problem;
	}

}
