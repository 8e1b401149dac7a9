package io.miniauth.server.operator;

import java.time.Instant;

/**
 * An operator as the admin API shows it: never the password hash.
 *
 * @param id the id
 * @param username the sign-in name
 * @param role {@code admin} or {@code viewer}
 * @param createdAt when the account was made
 */
record OperatorView(String id, String username, String role, Instant createdAt) {

	static OperatorView of(Operator operator) {
		return new OperatorView(operator.id(), operator.username(), operator.role().wire(), operator.createdAt());
	}

}
