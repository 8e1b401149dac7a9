package io.miniauth.server.user;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.miniauth.server.web.ErrorCode;
import io.miniauth.server.web.MiniAuthException;

/**
 * 403 {@code ACCOUNT_BANNED}: the account is locked, by an operator's ban or by a pending
 * deletion. The problem says {@code until} when (an instant, or {@code null} for a
 * permanent ban) and {@code reason} ({@code banned} or {@code deletion_pending}).
 */
public class AccountBannedException extends MiniAuthException {

	private final Instant until;

	private final String reason;

	AccountBannedException(AccountStatus status) {
		super(ErrorCode.ACCOUNT_BANNED, messageKey(status),
				(status.until() != null) ? new Object[] { status.until().toString() } : new Object[0], message(status));
		this.until = status.until();
		this.reason = status.value();
	}

	@Override
	public Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("until", this.until);
		properties.put("reason", this.reason);
		return properties;
	}

	private static String messageKey(AccountStatus status) {
		if (AccountStatus.DELETION_PENDING.equals(status.value())) {
			return "problem.ACCOUNT_BANNED.deletion-pending";
		}
		return (status.until() != null) ? "problem.ACCOUNT_BANNED.until" : "problem.ACCOUNT_BANNED";
	}

	private static String message(AccountStatus status) {
		if (AccountStatus.DELETION_PENDING.equals(status.value())) {
			return "This account is being deleted: log in with cancelDeletion to keep it";
		}
		return (status.until() != null) ? "This account is suspended until " + status.until()
				: "This account is suspended";
	}

}
