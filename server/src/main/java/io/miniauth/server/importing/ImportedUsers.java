package io.miniauth.server.importing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.miniauth.server.crypto.SecretBox;
import io.miniauth.server.user.User;
import io.miniauth.server.user.UserRepository;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.Assert;

import static io.miniauth.server.persistence.UtcTimestamps.fromColumn;
import static io.miniauth.server.persistence.UtcTimestamps.toColumn;

/**
 * Writes imported users into the {@code users} table, over {@link JdbcClient}. A user is
 * found by (appid, openid) and written with one statement, so that it is never half
 * written. The session_key is sealed exactly as a login seals it.
 */
@Repository
class ImportedUsers {

	private static final String FIND = """
			SELECT id, unionid, nick_name, avatar_url, signature, phone_number, pure_phone_number, country_code,
			    session_key, created_at, external_id
			FROM users WHERE appid = :appid AND openid = :openid
			""";

	private static final String INSERT = """
			INSERT INTO users (id, appid, openid, unionid, nick_name, avatar_url, signature, phone_number,
			    pure_phone_number, country_code, session_key, created_at, updated_at, last_login_at, external_id)
			VALUES (:id, :appid, :openid, :unionid, :nickName, :avatarUrl, :signature, :phoneNumber,
			    :purePhoneNumber, :countryCode, :sessionKey, :createdAt, :now, :createdAt, :externalId)
			""";

	private static final String UPDATE = """
			UPDATE users SET unionid = :unionid, nick_name = :nickName, avatar_url = :avatarUrl,
			    signature = :signature, phone_number = :phoneNumber, pure_phone_number = :purePhoneNumber,
			    country_code = :countryCode, session_key = :sessionKey, created_at = :createdAt,
			    external_id = :externalId, updated_at = :now
			WHERE id = :id
			""";

	private final JdbcClient jdbc;

	private final SecretBox secretBox;

	ImportedUsers(JdbcClient jdbc, SecretBox secretBox) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		Assert.notNull(secretBox, "secretBox cannot be null");
		this.jdbc = jdbc;
		this.secretBox = secretBox;
	}

	/**
	 * Creates the user a row describes, or brings an existing one up to date.
	 * @param row the checked row
	 * @param now the time of the import
	 * @return what was done
	 */
	ImportOutcome save(ImportedUser row, Instant now) {
		Optional<StoredUser> stored = find(row.appid(), row.openid());
		if (stored.isEmpty()) {
			StoredUser created = new StoredUser(UUID.randomUUID().toString(), null, null, null, null, null, now, null,
					null, null)
				.with(row);
			write(INSERT, row, created, now);
			return ImportOutcome.NEW;
		}
		StoredUser wanted = stored.get().with(row);
		if (wanted.sameValuesAs(stored.get())) {
			return ImportOutcome.UNCHANGED;
		}
		write(UPDATE, row, wanted, now);
		return ImportOutcome.UPDATED;
	}

	private Optional<StoredUser> find(String appid, String openid) {
		String context = UserRepository.sessionKeyContext(appid, openid);
		return this.jdbc.sql(FIND)
			.param("appid", appid)
			.param("openid", openid)
			.query((rs, rowNum) -> stored(rs, context))
			.optional();
	}

	private void write(String sql, ImportedUser row, StoredUser user, Instant now) {
		this.jdbc.sql(sql)
			.param("id", user.id())
			.param("appid", row.appid())
			.param("openid", row.openid())
			.param("unionid", user.unionid())
			.param("nickName", user.nickName())
			.param("avatarUrl", user.avatarUrl())
			.param("signature", user.signature())
			.param("phoneNumber", (user.phone() != null) ? user.phone().phoneNumber() : null)
			.param("purePhoneNumber", (user.phone() != null) ? user.phone().purePhoneNumber() : null)
			.param("countryCode", (user.phone() != null) ? user.phone().countryCode() : null)
			.param("sessionKey", sealed(row, user))
			.param("createdAt", toColumn(user.createdAt()))
			.param("externalId", user.externalId())
			.param("now", toColumn(now))
			.update();
	}

	/** The stored sealed key when the key did not change, else the new key sealed. */
	private String sealed(ImportedUser row, StoredUser user) {
		if (user.sessionKey() == null) {
			return user.sealedSessionKey();
		}
		if (user.sealedSessionKey() != null && user.sessionKey()
			.equals(opened(user.sealedSessionKey(), UserRepository.sessionKeyContext(row.appid(), row.openid())))) {
			return user.sealedSessionKey();
		}
		return this.secretBox.seal(user.sessionKey(), UserRepository.sessionKeyContext(row.appid(), row.openid()));
	}

	private StoredUser stored(ResultSet rs, String context) throws SQLException {
		String phoneNumber = rs.getString("phone_number");
		User.Phone phone = (phoneNumber != null)
				? new User.Phone(phoneNumber, rs.getString("pure_phone_number"), rs.getString("country_code")) : null;
		String sealed = rs.getString("session_key");
		return new StoredUser(rs.getString("id"), rs.getString("unionid"), rs.getString("nick_name"),
				rs.getString("avatar_url"), rs.getString("signature"), phone, fromColumn(rs, "created_at"),
				rs.getString("external_id"), (sealed != null) ? opened(sealed, context) : null, sealed);
	}

	/** The key, or {@code null} when it was sealed under another key-encryption key. */
	private String opened(String sealed, String context) {
		try {
			return this.secretBox.open(sealed, context);
		}
		catch (IllegalStateException ex) {
			return null;
		}
	}

}
