package io.miniauth.server.session;

import java.util.Locale;

/**
 * Why a session ended. {@link #wireName()} is what {@code TOKEN_REVOKED} problems and the
 * event trail say.
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

	/** An operator ended it. */
	ENDED_BY_OPERATOR,

	/** An operator banned the user. */
	BANNED,

	/** The user asked for their account to be deleted after a grace period. */
	DELETION_PENDING,

	/** The user's account was deleted. */
	DELETED;

	/**
	 * The reason as the API says it, such as {@code ended_by_user}.
	 * @return the lower-case name
	 */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The reason stored for a session.
	 * @param stored the stored name, or {@code null}
	 * @return the reason, or {@code null} when none is stored or it is unknown
	 */
	static SessionEndReason fromStored(String stored) {
		for (SessionEndReason reason : values()) {
			if (reason.name().equals(stored)) {
				return reason;
			}
		}
		return null;
	}

}
