package io.miniauth.server.operator;

import java.util.Locale;

/**
 * What an operator did, as the operator audit trail records it.
 */
public enum OperatorAction {

	/** Signed in to the console, or failed to. */
	SIGN_IN,

	/** Signed out of the console. */
	SIGN_OUT,

	/** Created the first admin through the one-time setup link. */
	SETUP,

	/** Created an operator account. */
	OPERATOR_CREATED,

	/** Deleted an operator account. */
	OPERATOR_DELETED,

	/** Created an API key. */
	API_KEY_CREATED,

	/** Revoked an API key. */
	API_KEY_REVOKED,

	/** Exported the (filtered) user list. */
	USERS_EXPORTED,

	/** Ended one session of a user. */
	SESSION_ENDED,

	/** Ended all sessions of a user. */
	SESSIONS_ENDED,

	/** Banned a user. */
	USER_BANNED,

	/** Lifted a user's ban. */
	USER_UNBANNED,

	/** Deleted a user's account. */
	USER_DELETED;

	/**
	 * The action as the API writes it.
	 * @return such as {@code session_ended}
	 */
	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

}
