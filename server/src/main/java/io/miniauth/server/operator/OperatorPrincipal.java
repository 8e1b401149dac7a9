package io.miniauth.server.operator;

import java.io.Serializable;

/**
 * Who is calling the admin API: a signed-in operator or an API key.
 *
 * @param name the operator's username, or {@code key:<name>} for an API key
 * @param role what the caller may do
 * @param operatorId the operator's id, or {@code null} for an API key
 */
public record OperatorPrincipal(String name, OperatorRole role, String operatorId) implements Serializable {

	/**
	 * Whether this is a signed-in person rather than a key.
	 * @return whether it is an operator
	 */
	public boolean isOperator() {
		return this.operatorId != null;
	}

}
