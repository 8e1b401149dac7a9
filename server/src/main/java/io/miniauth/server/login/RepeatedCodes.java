package io.miniauth.server.login;

import java.util.function.Supplier;

import io.miniauth.server.crypto.Sha256;

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
	 * What a code is remembered by: a SHA-256 hash of appid and code, never the code.
	 * @param appid the app
	 * @param code the login code
	 * @return the key
	 */
	static String key(String appid, String code) {
		return Sha256.hex(appid + "\n" + code);
	}

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
