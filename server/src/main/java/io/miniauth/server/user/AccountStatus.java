package io.miniauth.server.user;

import java.time.Instant;

/**
 * Where a user's account stands: {@code active}, {@code banned} (until a time, or for
 * good), {@code deletion_pending} (locked until its deletion runs, unless the user
 * cancels it) or {@code deleted}.
 *
 * @param value the stored status
 * @param until the end of a timed ban, or when a pending deletion runs; {@code null}
 * otherwise (a ban without it is permanent)
 * @param reason the operator's reason for a ban, or {@code null}
 */
public record AccountStatus(String value, Instant until, String reason) {

	/** May log in and use the service. */
	public static final String ACTIVE = "active";

	/** Locked by an operator. */
	public static final String BANNED = "banned";

	/** Locked until the deletion the user asked for runs. */
	public static final String DELETION_PENDING = "deletion_pending";

	/** Erased. */
	public static final String DELETED = "deleted";

	/**
	 * The status as it stands at a time: a timed ban whose end has passed is over.
	 * @param now the time
	 * @return the status in effect
	 */
	public AccountStatus at(Instant now) {
		if (BANNED.equals(this.value) && this.until != null && !now.isBefore(this.until)) {
			return new AccountStatus(ACTIVE, null, null);
		}
		return this;
	}

	/**
	 * Whether the account is locked at a time: banned, pending deletion or deleted.
	 * @param now the time
	 * @return whether nothing may be done with it
	 */
	public boolean locked(Instant now) {
		return !ACTIVE.equals(at(now).value());
	}

}
