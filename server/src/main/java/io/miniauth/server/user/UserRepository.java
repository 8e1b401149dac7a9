package io.miniauth.server.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import io.miniauth.server.crypto.SecretBox;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

import static io.miniauth.server.persistence.UtcTimestamps.fromColumn;
import static io.miniauth.server.persistence.UtcTimestamps.toColumn;

/**
 * Users and their WeChat session keys, over {@link JdbcClient}. Times are stored as UTC;
 * session keys are sealed with the key-encryption key, bound to their user.
 */
@Repository
public class UserRepository {

	private static final String COLUMNS = "id, appid, openid, unionid, nick_name, avatar_url, signature, phone_number, pure_phone_number, country_code, created_at, last_login_at, external_id, person_id, content_review";

	private static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM users WHERE id = :id";

	private static final String FIND_BY_OPENID = "SELECT " + COLUMNS
			+ " FROM users WHERE appid = :appid AND openid = :openid";

	private static final String INSERT = """
			INSERT INTO users (id, appid, openid, unionid, session_key, created_at, updated_at, last_login_at)
			VALUES (:id, :appid, :openid, :unionid, :sessionKey, :now, :now, :now)
			""";

	private static final String RECORD_LOGIN = """
			UPDATE users SET previous_session_key = session_key, session_key = :sessionKey,
			    unionid = COALESCE(:unionid, unionid),
			    last_login_at = :now, updated_at = :now
			WHERE id = :id
			""";

	private static final String FIND_SESSION_KEYS = "SELECT appid, openid, session_key, previous_session_key FROM users WHERE id = :id";

	private static final String UPDATE_PHONE = """
			UPDATE users SET phone_number = :phoneNumber, pure_phone_number = :purePhoneNumber,
			    country_code = :countryCode, updated_at = :now
			WHERE id = :id
			""";

	private static final String FIND_LINKED_APPS = """
			SELECT DISTINCT appid FROM users WHERE unionid = :unionid AND id <> :id ORDER BY appid
			""";

	private static final String FIND_BY_ID_FOR_UPDATE = FIND_BY_ID + " FOR UPDATE";

	private static final String FIND_BY_OPENID_FOR_UPDATE = FIND_BY_OPENID + " FOR UPDATE";

	// a new avatar forgets the check of the old one; avatar_check_id is assigned first
	// because MySQL evaluates the assignments left to right, on the values already set
	private static final String UPDATE_PROFILE = """
			UPDATE users SET
			    avatar_check_id = CASE WHEN avatar_url = :avatarUrl THEN avatar_check_id ELSE NULL END,
			    nick_name = :nickName, avatar_url = :avatarUrl, signature = :signature,
			    content_review = :contentReview, updated_at = :now
			WHERE id = :id
			""";

	private static final String FIND_BY_PHONE = "SELECT " + COLUMNS
			+ " FROM users WHERE phone_number = :phoneNumber ORDER BY created_at, id";

	private static final String CLEAR_PHONE = """
			UPDATE users SET phone_number = NULL, pure_phone_number = NULL, country_code = NULL, updated_at = :now
			WHERE id = :id
			""";

	private static final String UPDATE_PERSON = "UPDATE users SET person_id = :personId, updated_at = :now WHERE id = :id";

	private static final String FIND_PERSON_APPS = """
			SELECT DISTINCT appid FROM users WHERE (person_id = :personId OR id = :personId) AND id <> :id
			""";

	private static final String UPDATE_AVATAR_CHECK = """
			UPDATE users SET avatar_check_id = :checkId, updated_at = :now WHERE id = :id AND avatar_url = :avatarUrl
			""";

	private static final String FIND_BY_AVATAR_CHECK = "SELECT " + COLUMNS
			+ " FROM users WHERE avatar_check_id = :checkId";

	private static final String CLEAR_CHECKED_AVATAR = """
			UPDATE users SET avatar_url = NULL, avatar_check_id = NULL, updated_at = :now WHERE avatar_check_id = :checkId
			""";

	// CONCAT rather than ||, which MySQL reads as OR
	private static final String FLAG_CHECKED_AVATAR = """
			UPDATE users SET avatar_check_id = NULL,
			    content_review = CASE WHEN content_review IS NULL OR content_review = '' THEN 'avatarUrl'
			        ELSE CONCAT(content_review, ',avatarUrl') END,
			    updated_at = :now
			WHERE avatar_check_id = :checkId
			""";

	private static final String END_AVATAR_CHECK = """
			UPDATE users SET avatar_check_id = NULL WHERE avatar_check_id = :checkId
			""";

	private static final RowMapper<User> USER_MAPPER = UserRepository::mapUser;

	private final JdbcClient jdbc;

	private final SecretBox secretBox;

	private final TransactionTemplate transaction;

	private final TransactionTemplate loginTransaction;

	public UserRepository(JdbcClient jdbc, SecretBox secretBox, PlatformTransactionManager transactionManager) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		Assert.notNull(secretBox, "secretBox cannot be null");
		Assert.notNull(transactionManager, "transactionManager cannot be null");
		this.jdbc = jdbc;
		this.secretBox = secretBox;
		this.transaction = new TransactionTemplate(transactionManager);
		// READ COMMITTED on every database: a login that waited for the user's row lock
		// must then see what the login before it committed
		this.loginTransaction = new TransactionTemplate(transactionManager);
		this.loginTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
	}

	/**
	 * Records a login: creates the user on their first login, otherwise updates their
	 * session key, unionid and login time. Two concurrent first logins of one person
	 * create one user: the database's unique key on (appid, openid) decides, and the
	 * loser updates the winner's row.
	 * @param login what WeChat said about the person
	 * @param now the time of the login
	 * @return the user, and whether this login created them
	 */
	public LoginRecord recordLogin(WeChatLogin login, Instant now) {
		return recordLogin(login, now, (record) -> record);
	}

	/**
	 * Records a login as {@link #recordLogin(WeChatLogin, Instant)} does, and goes on in
	 * the same transaction (one commit), with the user's row locked until it ends, so
	 * that concurrent changes that concern one user (such as logins counting the user's
	 * sessions) take turns.
	 * @param <T> what the transaction makes
	 * @param login what WeChat said about the person
	 * @param now the time of the login
	 * @param then what else the transaction does with the user
	 * @return what it made
	 */
	public <T> T recordLogin(WeChatLogin login, Instant now, Function<LoginRecord, T> then) {
		try {
			return this.loginTransaction.execute((status) -> then.apply(lockAndRecord(login, now)));
		}
		catch (DuplicateKeyException ex) {
			// another first login of the same person created the user meanwhile; the
			// failed transaction is rolled back (some databases refuse any further
			// statement in it) and this one finds the user
			return this.loginTransaction.execute((status) -> then.apply(lockAndRecord(login, now)));
		}
	}

	private LoginRecord lockAndRecord(WeChatLogin login, Instant now) {
		// stored as written (every schema keeps microseconds), so the user is not read
		// back
		Instant at = now.truncatedTo(ChronoUnit.MICROS);
		Optional<User> existing = this.jdbc.sql(FIND_BY_OPENID_FOR_UPDATE)
			.param("appid", login.appid())
			.param("openid", login.openid())
			.query(USER_MAPPER)
			.optional();
		if (existing.isEmpty()) {
			String id = UUID.randomUUID().toString();
			// a new user is their own person until a phone links them to another
			User created = new User(id, login.appid(), login.openid(), login.unionid(), null, null, null, null, at, at,
					null, id, List.of());
			this.jdbc.sql(INSERT)
				.param("id", created.id())
				.param("appid", created.appid())
				.param("openid", created.openid())
				.param("unionid", created.unionid())
				.param("sessionKey", sealedSessionKey(login))
				.param("now", toColumn(at))
				.update();
			return new LoginRecord(created, true);
		}
		User user = existing.get();
		this.jdbc.sql(RECORD_LOGIN)
			.param("sessionKey", sealedSessionKey(login))
			.param("unionid", login.unionid())
			.param("now", toColumn(at))
			.param("id", user.id())
			.update();
		String unionid = (login.unionid() != null) ? login.unionid() : user.unionid();
		return new LoginRecord(new User(user.id(), user.appid(), user.openid(), unionid, user.nickName(),
				user.avatarUrl(), user.signature(), user.phone(), user.createdAt(), at, user.externalId(),
				user.personId(), user.contentReview()), false);
	}

	/**
	 * The user's current WeChat session_key, decrypted.
	 * @param userId the user
	 * @return the key, empty when the user is unknown or has none
	 */
	public Optional<String> findSessionKey(String userId) {
		return findSessionKeys(userId).flatMap(SessionKeys::current);
	}

	/**
	 * The user's WeChat session keys, current and previous, in one read. The previous one
	 * is decrypted only when asked for.
	 * @param userId the user
	 * @return the keys, empty when the user is unknown
	 */
	public Optional<SessionKeys> findSessionKeys(String userId) {
		return this.jdbc.sql(FIND_SESSION_KEYS).param("id", userId).query((rs, rowNum) -> {
			String context = sessionKeyContext(rs.getString("appid"), rs.getString("openid"));
			String current = rs.getString("session_key");
			String previous = rs.getString("previous_session_key");
			return new SessionKeys(rs.getString("appid"), rs.getString("openid"),
					(current != null) ? this.secretBox.open(current, context) : null,
					() -> (previous != null) ? this.secretBox.open(previous, context) : null);
		}).optional();
	}

	public Optional<User> findById(String id) {
		return this.jdbc.sql(FIND_BY_ID).param("id", id).query(USER_MAPPER).optional();
	}

	public Optional<User> findByOpenid(String appid, String openid) {
		return this.jdbc.sql(FIND_BY_OPENID)
			.param("appid", appid)
			.param("openid", openid)
			.query(USER_MAPPER)
			.optional();
	}

	/**
	 * Changes a user's profile fields. The row is locked while the change is read and
	 * written, so that two concurrent changes of different fields both take effect.
	 * @param userId the user
	 * @param change what to make of the current user
	 * @param now the time of the change
	 * @return the user after the change
	 */
	public User updateProfile(String userId, UnaryOperator<User> change, Instant now) {
		return updateProfile(userId, change, now, (before, after) -> {
		});
	}

	/**
	 * Changes a user's profile fields as
	 * {@link #updateProfile(String, UnaryOperator, Instant)} does, and writes what else
	 * the change causes in its transaction.
	 * @param userId the user
	 * @param change what to make of the current user
	 * @param now the time of the change
	 * @param onChanged given the user before and after the change, in its transaction
	 * @return the user after the change
	 */
	public User updateProfile(String userId, UnaryOperator<User> change, Instant now,
			BiConsumer<User, User> onChanged) {
		return this.transaction.execute((status) -> {
			User before = this.jdbc.sql(FIND_BY_ID_FOR_UPDATE).param("id", userId).query(USER_MAPPER).single();
			User updated = change.apply(before);
			onChanged.accept(before, updated);
			this.jdbc.sql(UPDATE_PROFILE)
				.param("id", updated.id())
				.param("nickName", updated.nickName())
				.param("avatarUrl", updated.avatarUrl())
				.param("signature", updated.signature())
				.param("contentReview",
						updated.contentReview().isEmpty() ? null : String.join(",", updated.contentReview()))
				.param("now", toColumn(now))
				.update();
			return updated;
		});
	}

	/**
	 * Binds a phone number to a user.
	 * @param userId the user
	 * @param phone the number
	 * @param now the time of the change
	 */
	public void updatePhone(String userId, User.Phone phone, Instant now) {
		this.jdbc.sql(UPDATE_PHONE)
			.param("id", userId)
			.param("phoneNumber", phone.phoneNumber())
			.param("purePhoneNumber", phone.purePhoneNumber())
			.param("countryCode", phone.countryCode())
			.param("now", toColumn(now))
			.update();
	}

	/**
	 * The other apps in which the same person (the same unionid, or the same person
	 * linked by phone number) has a user.
	 * @param user the user
	 * @return their appids, in order
	 */
	public List<String> findLinkedApps(User user) {
		Set<String> appids = new TreeSet<>();
		if (user.unionid() != null) {
			appids.addAll(this.jdbc.sql(FIND_LINKED_APPS)
				.param("unionid", user.unionid())
				.param("id", user.id())
				.query(String.class)
				.list());
		}
		appids.addAll(this.jdbc.sql(FIND_PERSON_APPS)
			.param("personId", user.personId())
			.param("id", user.id())
			.query(String.class)
			.list());
		appids.remove(user.appid());
		return List.copyOf(appids);
	}

	/**
	 * The users, of any app, a phone number is bound to, first bound first.
	 * @param phoneNumber the number, with its country prefix outside mainland China
	 * @return the users
	 */
	public List<User> findByPhoneNumber(String phoneNumber) {
		return this.jdbc.sql(FIND_BY_PHONE).param("phoneNumber", phoneNumber).query(USER_MAPPER).list();
	}

	/**
	 * Unbinds a user's phone number.
	 * @param userId the user
	 * @param now the time of the change
	 */
	public void clearPhone(String userId, Instant now) {
		this.jdbc.sql(CLEAR_PHONE).param("id", userId).param("now", toColumn(now)).update();
	}

	/**
	 * Makes a user part of a person.
	 * @param userId the user
	 * @param personId the person
	 * @param now the time of the change
	 */
	public void updatePersonId(String userId, String personId, Instant now) {
		this.jdbc.sql(UPDATE_PERSON)
			.param("id", userId)
			.param("personId", personId)
			.param("now", toColumn(now))
			.update();
	}

	/**
	 * Notes the check whose result decides whether a user keeps an avatar, if the user
	 * still has that avatar.
	 * @param userId the user
	 * @param avatarUrl the avatar checked
	 * @param checkId WeChat's trace id of the check
	 * @param now the time of the change
	 * @return whether the user still had that avatar
	 */
	public boolean updateAvatarCheck(String userId, String avatarUrl, String checkId, Instant now) {
		return this.jdbc.sql(UPDATE_AVATAR_CHECK)
			.param("id", userId)
			.param("avatarUrl", avatarUrl)
			.param("checkId", checkId)
			.param("now", toColumn(now))
			.update() == 1;
	}

	/**
	 * The user whose avatar a check is about, while its result is awaited.
	 * @param checkId WeChat's trace id
	 * @return the user, empty when no avatar awaits that check
	 */
	public Optional<User> findByAvatarCheck(String checkId) {
		return this.jdbc.sql(FIND_BY_AVATAR_CHECK).param("checkId", checkId).query(USER_MAPPER).optional();
	}

	/**
	 * Removes the avatar a check found risky, unless the user changed it since.
	 * @param checkId WeChat's trace id
	 * @param now the time of the change
	 * @return whether an avatar was removed
	 */
	public boolean clearCheckedAvatar(String checkId, Instant now) {
		return this.jdbc.sql(CLEAR_CHECKED_AVATAR).param("checkId", checkId).param("now", toColumn(now)).update() == 1;
	}

	/**
	 * Keeps the avatar a check asked to review, and flags it for the operators
	 * ({@code avatarUrl} among the fields under review), unless the user changed it
	 * since.
	 * @param checkId WeChat's trace id
	 * @param now the time of the change
	 * @return whether an avatar was flagged
	 */
	public boolean flagCheckedAvatar(String checkId, Instant now) {
		return this.jdbc.sql(FLAG_CHECKED_AVATAR).param("checkId", checkId).param("now", toColumn(now)).update() == 1;
	}

	/**
	 * Forgets a check whose result let the avatar stay.
	 * @param checkId WeChat's trace id
	 */
	public void endAvatarCheck(String checkId) {
		this.jdbc.sql(END_AVATAR_CHECK).param("checkId", checkId).update();
	}

	private String sealedSessionKey(WeChatLogin login) {
		return this.secretBox.seal(login.sessionKey(), sessionKeyContext(login.appid(), login.openid()));
	}

	/**
	 * What a user's sealed session_key is bound to: a key sealed for one user cannot be
	 * opened as another's.
	 * @param appid the user's app
	 * @param openid the user's openid
	 * @return the {@link SecretBox} context
	 */
	public static String sessionKeyContext(String appid, String openid) {
		return "session-key:" + appid + ":" + openid;
	}

	private static User mapUser(ResultSet rs, int rowNum) throws SQLException {
		return new User(rs.getString("id"), rs.getString("appid"), rs.getString("openid"), rs.getString("unionid"),
				rs.getString("nick_name"), rs.getString("avatar_url"), rs.getString("signature"), phone(rs),
				fromColumn(rs, "created_at"), fromColumn(rs, "last_login_at"), rs.getString("external_id"),
				(rs.getString("person_id") != null) ? rs.getString("person_id") : rs.getString("id"),
				contentReview(rs.getString("content_review")));
	}

	private static List<String> contentReview(String column) {
		return (column == null || column.isEmpty()) ? List.of() : List.of(column.split(","));
	}

	private static User.Phone phone(ResultSet rs) throws SQLException {
		String phoneNumber = rs.getString("phone_number");
		return (phoneNumber != null)
				? new User.Phone(phoneNumber, rs.getString("pure_phone_number"), rs.getString("country_code")) : null;
	}

	/**
	 * A login as WeChat reported it.
	 *
	 * @param appid the app
	 * @param openid the person's openid
	 * @param unionid the person's unionid, or {@code null}
	 * @param sessionKey the person's current session_key
	 */
	public record WeChatLogin(String appid, String openid, String unionid, String sessionKey) {

		@Override
		public String toString() {
			return "WeChatLogin[appid=" + this.appid + ", openid=" + this.openid + ", sessionKey=******]";
		}

	}

	/**
	 * @param user the user after the login
	 * @param created whether the login created the user
	 */
	public record LoginRecord(User user, boolean created) {
	}

}
