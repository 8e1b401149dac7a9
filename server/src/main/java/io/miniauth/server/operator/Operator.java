package io.miniauth.server.operator;

import java.time.Instant;

/**
 * An operator account.
 *
 * @param id the id
 * @param username the sign-in name
 * @param passwordHash the adaptive hash of the password, with its {@code {id}} prefix
 * @param role what the operator may do
 * @param createdAt when the account was made
 */
record Operator(String id, String username, String passwordHash, OperatorRole role, Instant createdAt) {

	@Override
	public String toString() {
		return "Operator[id=" + this.id + ", username=" + this.username + ", role=" + this.role + "]";
	}

}
