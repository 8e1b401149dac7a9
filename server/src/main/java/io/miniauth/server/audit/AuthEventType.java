package io.miniauth.server.audit;

/**
 * What happened.
 */
public enum AuthEventType {

	/** A login, successful or not. */
	LOGIN,

	/**
	 * A successful refresh. Failed ones are not recorded: anyone can send made-up refresh
	 * tokens. A replay is {@link #REFRESH_REPLAY}.
	 */
	REFRESH,

	/** A used refresh token was presented again; the session was ended. */
	REFRESH_REPLAY,

	/** The user logged out. */
	LOGOUT,

	/** The user ended sessions from another device. */
	SESSION_ENDED,

	/**
	 * A login or phone binding refused for its budget. Only counted in
	 * {@code miniauth.auth.events}, never written to the trail, so that a flood does not
	 * turn into writes. Every refusal for a budget, whatever the request, is also counted
	 * in {@code miniauth.problems} with the code {@code RATE_LIMITED}.
	 */
	RATE_LIMITED,

	/** A phone number binding, successful or not. */
	PHONE_BOUND,

	/** An operator banned the user; their sessions were ended. */
	BANNED,

	/** An operator lifted the user's ban. */
	UNBANNED,

	/** The user asked for their account to be deleted after the grace period. */
	DELETION_REQUESTED,

	/** The user cancelled their pending deletion by logging in. */
	DELETION_CANCELLED,

	/**
	 * The account was deleted (by the user, an operator, or WeChat's cancellation push);
	 * the outcome says by whom.
	 */
	DELETED,

	/**
	 * WeChat pushed a change of the user's data, and MiniAuth erased what it names; the
	 * outcome is the push's event.
	 */
	WECHAT_PUSH,

	/**
	 * A phone number moved to another user of the same app; the event is the old user's.
	 */
	PHONE_UNBOUND,

	/**
	 * A nickname, signature or avatar stored, but flagged for review by WeChat's content
	 * security.
	 */
	CONTENT_REVIEW,

	/** A nickname or signature refused as risky by WeChat's content security. */
	CONTENT_REFUSED,

	/** A profile write stored unchecked, because WeChat could not check it. */
	CONTENT_UNCHECKED,

	/** An avatar removed because WeChat's content security found it risky. */
	AVATAR_REMOVED

}
