package io.miniauth.server.operator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.miniauth.server.app.EmulatorMode;
import io.miniauth.server.config.MiniAuthProperties;
import io.miniauth.server.crypto.Sha256;
import io.miniauth.server.problem.MiniAuthException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * API keys for scripts: the static keys of {@code miniauth.admin.api-keys} (role admin,
 * compared in constant time; in demo mode without any, the documented
 * {@value #DEMO_KEY}), and keys created in the console, each with a role, stored only as
 * SHA-256 hashes (a key carries 256 random bits, so a fast hash suffices) and shown once.
 */
@Service
class ApiKeys {

	/**
	 * The key that opens the operator API in demo mode (no app configured, the emulator
	 * on) while no static key is configured. Never in production.
	 */
	static final String DEMO_KEY = "demo-admin-key";

	private static final Log logger = LogFactory.getLog(ApiKeys.class);

	/** What every created key starts with, so that a leaked one is easy to recognise. */
	static final String PREFIX = "mak_";

	private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

	private final SecureRandom random = new SecureRandom();

	private final ApiKeyRepository repository;

	private final List<byte[]> staticKeys;

	private final Clock clock;

	ApiKeys(ApiKeyRepository repository, OperatorProperties properties, MiniAuthProperties miniAuth, Clock clock) {
		this.repository = repository;
		List<String> keys = properties.apiKeys();
		if (keys.isEmpty() && miniAuth.apps().isEmpty() && EmulatorMode.isOn(miniAuth)) {
			// demo mode only, so that the README's walkthrough can ban and delete
			logger.warn("Demo mode: the operator API under /admin/api accepts the documented key '" + DEMO_KEY
					+ "'. Configure miniauth.admin.api-keys, or create keys in the console, for anything else.");
			keys = List.of(DEMO_KEY);
		}
		this.staticKeys = keys.stream().map((key) -> key.getBytes(StandardCharsets.UTF_8)).toList();
		this.clock = clock;
	}

	/**
	 * Who a key belongs to.
	 * @param key the key from {@code Authorization: Bearer}
	 * @return the caller, or empty when the key is not valid
	 */
	Optional<OperatorPrincipal> authenticate(String key) {
		byte[] presented = key.getBytes(StandardCharsets.UTF_8);
		boolean isStatic = false;
		for (byte[] staticKey : this.staticKeys) {
			isStatic |= MessageDigest.isEqual(staticKey, presented);
		}
		if (isStatic) {
			return Optional.of(new OperatorPrincipal("key:config", OperatorRole.ADMIN, null));
		}
		if (!key.startsWith(PREFIX)) {
			return Optional.empty();
		}
		return this.repository.findByHash(Sha256.hex(key)).map((found) -> {
			Instant now = this.clock.instant();
			if (found.lastUsedAt() == null || found.lastUsedAt().plus(TOUCH_INTERVAL).isBefore(now)) {
				this.repository.touch(found.id(), now);
			}
			return new OperatorPrincipal("key:" + found.name(), found.role(), null);
		});
	}

	/**
	 * Creates a key.
	 * @param name what it is for
	 * @param role what it may do
	 * @param createdBy who creates it
	 * @return the key's record and the key itself, which is not kept
	 */
	CreatedKey create(String name, OperatorRole role, OperatorPrincipal createdBy) {
		if (name == null || name.isBlank() || name.length() > 64) {
			throw new OperatorRequestException("name must be 1 to 64 characters");
		}
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		ApiKey record = new ApiKey(UUID.randomUUID().toString(), name.strip(), key.substring(0, PREFIX.length() + 6),
				role, createdBy.name(), this.clock.instant(), null);
		this.repository.insert(record, Sha256.hex(key));
		return new CreatedKey(record, key);
	}

	List<ApiKey> all() {
		return this.repository.findAll();
	}

	void revoke(String id) {
		if (!this.repository.delete(id)) {
			throw new ApiKeyNotFoundException();
		}
	}

	/**
	 * A key just created.
	 *
	 * @param record what is kept of it
	 * @param key the key, shown once
	 */
	record CreatedKey(ApiKey record, String key) {

		@Override
		public String toString() {
			return "CreatedKey[record=" + this.record + ", key=******]";
		}

	}

	/** 404 {@code API_KEY_NOT_FOUND}. */
	static class ApiKeyNotFoundException extends MiniAuthException {

		ApiKeyNotFoundException() {
			super(HttpStatus.NOT_FOUND, "API_KEY_NOT_FOUND", "No such API key");
		}

	}

}
