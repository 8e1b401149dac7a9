package io.miniauth.server.operator;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.util.Assert;

import io.miniauth.server.problem.MiniAuthException;

/**
 * Operator accounts: created by an admin (or by the bootstrap), signed in with a password
 * kept as an adaptive hash, deleted by an admin. The last admin cannot be deleted.
 */
@Service
class Operators implements UserDetailsService {

	/** The shortest password accepted. */
	static final int MIN_PASSWORD = 10;

	private final OperatorRepository repository;

	private final PasswordEncoder passwords;

	private final Clock clock;

	Operators(OperatorRepository repository, PasswordEncoder passwords, Clock clock) {
		this.repository = repository;
		this.passwords = passwords;
		this.clock = clock;
	}

	/**
	 * Creates an operator.
	 * @param username the sign-in name
	 * @param password the password, at least {@value #MIN_PASSWORD} characters
	 * @param role what the operator may do
	 * @return the operator
	 * @throws OperatorRequestException when the name or password is not acceptable
	 * @throws OperatorExistsException when the name is taken
	 */
	Operator create(String username, String password, OperatorRole role) {
		Assert.notNull(role, "role cannot be null");
		if (username == null || !username.matches("[A-Za-z0-9._@-]{2,64}")) {
			throw new OperatorRequestException("username must be 2 to 64 letters, digits or the characters . _ @ -");
		}
		if (password == null || password.length() < MIN_PASSWORD || password.length() > 128) {
			throw new OperatorRequestException("password must be " + MIN_PASSWORD + " to 128 characters long");
		}
		Operator operator = new Operator(UUID.randomUUID().toString(), username, this.passwords.encode(password), role,
				this.clock.instant());
		try {
			this.repository.insert(operator);
		}
		catch (DuplicateKeyException ex) {
			throw new OperatorExistsException();
		}
		return operator;
	}

	List<Operator> all() {
		return this.repository.findAll();
	}

	boolean any() {
		return this.repository.count() > 0;
	}

	/**
	 * Deletes an operator; their console sessions end at their next request.
	 * @param id the operator
	 * @param actor who deletes
	 * @return the deleted operator
	 */
	Operator delete(String id, OperatorPrincipal actor) {
		Operator operator = this.repository.findById(id).orElseThrow(OperatorNotFoundException::new);
		if (id.equals(actor.operatorId())) {
			throw new OperatorConflictException("You cannot delete your own account");
		}
		if (operator.role() == OperatorRole.ADMIN && this.repository.countByRole(OperatorRole.ADMIN) <= 1) {
			throw new OperatorConflictException("The last admin cannot be deleted");
		}
		this.repository.delete(id);
		return operator;
	}

	/**
	 * The operator behind a signed-in console session, still existing with that role.
	 * @param principal the session's principal
	 * @return whether the account still exists with that role
	 */
	boolean stillValid(OperatorPrincipal principal) {
		return this.repository.findById(principal.operatorId())
			.filter((operator) -> operator.role() == principal.role())
			.isPresent();
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		Operator operator = this.repository.findByUsername(username)
			.orElseThrow(() -> new UsernameNotFoundException("no such operator"));
		return User.withUsername(operator.username())
			.password(operator.passwordHash())
			.authorities(operator.role().authority())
			.build();
	}

	OperatorPrincipal principal(String username) {
		Operator operator = this.repository.findByUsername(username).orElseThrow(OperatorNotFoundException::new);
		return new OperatorPrincipal(operator.username(), operator.role(), operator.id());
	}

	/** 404 {@code OPERATOR_NOT_FOUND}. */
	static class OperatorNotFoundException extends MiniAuthException {

		OperatorNotFoundException() {
			super(HttpStatus.NOT_FOUND, "OPERATOR_NOT_FOUND", "No such operator");
		}

	}

	/** 409 {@code OPERATOR_EXISTS}. */
	static class OperatorExistsException extends MiniAuthException {

		OperatorExistsException() {
			super(HttpStatus.CONFLICT, "OPERATOR_EXISTS", "An operator with this username exists");
		}

	}

	/** 409 {@code OPERATOR_CONFLICT}: the change would lock everyone out. */
	static class OperatorConflictException extends MiniAuthException {

		OperatorConflictException(String msg) {
			super(HttpStatus.CONFLICT, "OPERATOR_CONFLICT", msg);
		}

	}

}
