package io.miniauth.server.audit;

/**
 * What happened.
 */
public enum AuthEventType {

	/** A login, successful or not. */
	LOGIN,

	/** A refresh, successful or not. */
	REFRESH,

	/** A used refresh token was presented again; the session was ended. */
	REFRESH_REPLAY,

	/** The user logged out. */
	LOGOUT,

	/** The user ended sessions from another device. */
	SESSION_ENDED,

	/** A request went over its budget. */
	RATE_LIMITED,

	/** A phone number binding, successful or not. */
	PHONE_BOUND

}
