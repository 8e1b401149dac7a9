package io.miniauth.server.account;

import io.miniauth.server.web.ErrorCode;
import io.miniauth.server.web.MiniAuthException;

/**
 * 409: the account's status does not allow the change ({@code ACCOUNT_DELETED} for a
 * deleted account, {@code DELETION_PENDING} for a ban of an account whose deletion is
 * pending).
 */
public class AccountStateException extends MiniAuthException {

	private AccountStateException(ErrorCode code, String msg) {
		super(code, msg);
	}

	static AccountStateException deleted() {
		return new AccountStateException(ErrorCode.ACCOUNT_DELETED, "This account has been deleted");
	}

	static AccountStateException deletionPending() {
		return new AccountStateException(ErrorCode.DELETION_PENDING,
				"This account is being deleted at its user's request: it cannot be banned");
	}

}
