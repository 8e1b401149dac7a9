package io.miniauth.server.user;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.miniauth.server.web.MiniAuthException;

import org.springframework.http.HttpStatus;

/**
 * 403 {@code ACCOUNT_BANNED}: the account is locked, by an operator's ban or by a pending
 * deletion. The problem says {@code until} when (an instant, or {@code null} for a
 * permanent ban) and {@code reason} ({@code banned} or {@code deletion_pending}).
 */
public class AccountBannedException extends MiniAuthException {

	private final Instant until;

	private final String reason;

	AccountBannedException(AccountStatus status) {
		super(HttpStatus.FORBIDDEN, "ACCOUNT_BANNED", message(status));
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

	private static String message(AccountStatus status) {
		if (AccountStatus.DELETION_PENDING.equals(status.value())) {
			return "This account is being deleted: log in with cancelDeletion to keep it";
		}
		return (status.until() != null) ? "This account is suspended until " + status.until()
				: "This account is suspended";
	}

}
