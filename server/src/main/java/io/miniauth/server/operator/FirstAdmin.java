package io.miniauth.server.operator;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.miniauth.server.problem.MiniAuthException;

/**
 * Makes sure the first admin can come to be, never with a default password: at start,
 * when no operator exists, either creates the admin from
 * {@code miniauth.admin.bootstrap-password}, or prints a one-time setup link (once per
 * start) through which the first admin chooses a name and password.
 */
@Component
class FirstAdmin {

	private static final Log logger = LogFactory.getLog(FirstAdmin.class);

	private final Operators operators;

	private final OperatorProperties properties;

	private final Environment environment;

	private final AtomicReference<String> setupToken = new AtomicReference<>();

	FirstAdmin(Operators operators, OperatorProperties properties, Environment environment) {
		this.operators = operators;
		this.properties = properties;
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void bootstrap() {
		if (this.operators.any()) {
			return;
		}
		String password = this.properties.bootstrapPassword();
		if (password != null && !password.isBlank()) {
			try {
				this.operators.create(this.properties.bootstrapUsername(), password, OperatorRole.ADMIN);
				logger.info("Created the first admin '" + this.properties.bootstrapUsername()
						+ "' from miniauth.admin.bootstrap-password");
			}
			catch (Operators.OperatorExistsException ex) {
				// another instance created it at the same moment
			}
			return;
		}
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		this.setupToken.set(token);
		String port = this.environment.getProperty("local.server.port", "8080");
		logger.warn("No operator exists yet. Create the first admin within this run at " + "http://localhost:" + port
				+ "/admin/#/setup?token=" + token + " (the link works once; or set miniauth.admin.bootstrap-password)");
	}

	/**
	 * Whether the setup link can still be used.
	 * @return whether no operator exists and a link was printed
	 */
	boolean open() {
		return this.setupToken.get() != null && !this.operators.any();
	}

	/**
	 * Creates the first admin with the setup link's token, which is spent by it.
	 * @param token the token from the link
	 * @param username the admin's name
	 * @param password the admin's password
	 * @return the admin
	 * @throws SetupTokenInvalidException when the token is wrong or spent, or an operator
	 * exists already
	 */
	Operator complete(String token, String username, String password) {
		String expected = this.setupToken.get();
		if (expected == null || token == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				token.getBytes(StandardCharsets.UTF_8)) || this.operators.any()) {
			throw new SetupTokenInvalidException();
		}
		Operator admin;
		try {
			admin = this.operators.create(username, password, OperatorRole.ADMIN);
		}
		catch (DuplicateKeyException ex) {
			throw new SetupTokenInvalidException();
		}
		this.setupToken.compareAndSet(expected, null);
		return admin;
	}

	/** 403 {@code SETUP_TOKEN_INVALID}. */
	static class SetupTokenInvalidException extends MiniAuthException {

		SetupTokenInvalidException() {
			super(HttpStatus.FORBIDDEN, "SETUP_TOKEN_INVALID",
					"The setup link is wrong or was used already; an admin can create operators in the console");
		}

	}

}
