package io.miniauth.server.session;

/**
 * Why a session ended.
 */
public enum SessionEndReason {

	/** The user logged out. */
	LOGOUT,

	/** The user ended it from another device. */
	ENDED_BY_USER,

	/** A used refresh token was presented again: the session is presumed stolen. */
	REFRESH_REPLAY,

	/** The user went over the session cap and this was the oldest session. */
	SESSION_LIMIT,

	/**
	 * An operator ended it from the admin API or the console (wire value
	 * {@code ended_by_operator}).
	 */
	ENDED_BY_OPERATOR

}
