package io.miniauth.server.login;

import java.util.function.Supplier;

/**
 * Makes logins idempotent per code: requests with the same code share one login, and
 * repeats within the idempotency window get its outcome. Kept in memory for one instance,
 * or in Redis for several.
 */
interface RepeatedCodes {

	/**
	 * Runs the login for a code once, or returns the outcome of the run already made.
	 * @param appid the app
	 * @param code the login code
	 * @param login the login itself
	 * @return its outcome
	 */
	LoginOutcome once(String appid, String code, Supplier<LoginOutcome> login);

	/**
	 * What a login produced. It carries no secret.
	 *
	 * @param userId the user
	 * @param sessionId the session it started
	 * @param newUser whether it created the user
	 */
	record LoginOutcome(String userId, String sessionId, boolean newUser) {
	}

}
