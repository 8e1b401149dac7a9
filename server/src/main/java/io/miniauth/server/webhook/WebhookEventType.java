package io.miniauth.server.webhook;

/**
 * What a webhook tells of, by its name on the wire.
 */
public enum WebhookEventType {

	/** A user's first login. */
	USER_CREATED("user.created"),

	/** A user's profile fields changed; {@code data.fields} names them. */
	USER_UPDATED("user.updated"),

	/** A user bound a phone number. */
	USER_PHONE_BOUND("user.phone_bound"),

	/** A user was banned; {@code data.until} and {@code data.reason} say how. */
	USER_BANNED("user.banned"),

	/** A user's ban was lifted. */
	USER_UNBANNED("user.unbanned"),

	/**
	 * A user's account was deleted; only the user id is told, the personal data is gone.
	 */
	USER_DELETED("user.deleted"),

	/**
	 * The user withdrew consent in WeChat; {@code data.withdrawn} names the fields
	 * erased.
	 */
	USER_WECHAT_REVOKED("user.wechat_revoked"),

	/** A login started a session. */
	SESSION_CREATED("session.created"),

	/** A session ended; {@code data.reason} says why. */
	SESSION_ENDED("session.ended");

	private final String wireName;

	WebhookEventType(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * The name receivers see in {@code type} and subscribe to.
	 * @return such as {@code user.created}
	 */
	public String wireName() {
		return this.wireName;
	}

	static WebhookEventType ofWireName(String name) {
		for (WebhookEventType type : values()) {
			if (type.wireName.equals(name)) {
				return type;
			}
		}
		throw new IllegalArgumentException("Unknown webhook event type '" + name + "'");
	}

}
