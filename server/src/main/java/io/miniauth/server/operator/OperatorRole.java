package io.miniauth.server.operator;

import java.util.Locale;

import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What an operator or API key may do: {@code admin} everything, {@code viewer} read only.
 */
public enum OperatorRole {

	/** Reads and changes everything, manages operators and API keys. */
	ADMIN,

	/** Reads users, sessions, events and the dashboard; changes nothing. */
	VIEWER;

	/**
	 * The role as the API writes it.
	 * @return {@code admin} or {@code viewer}
	 */
	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	SimpleGrantedAuthority authority() {
		return new SimpleGrantedAuthority("ROLE_" + name());
	}

	/**
	 * Reads a role as the API writes it.
	 * @param wire {@code admin} or {@code viewer}
	 * @return the role
	 * @throws OperatorRequestException when it is neither
	 */
	static OperatorRole fromWire(String wire) {
		for (OperatorRole role : values()) {
			if (role.wire().equals(wire)) {
				return role;
			}
		}
		throw new OperatorRequestException("role must be admin or viewer");
	}

}
