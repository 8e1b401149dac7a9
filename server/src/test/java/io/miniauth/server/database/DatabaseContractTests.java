package io.miniauth.server.database;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jwt.SignedJWT;

import io.miniauth.server.audit.AuthEventType;
import io.miniauth.server.audit.AuthEvents;
import io.miniauth.server.persistence.UtcTimestamps;
import io.miniauth.server.session.RefreshTokens;
import io.miniauth.server.session.Session;
import io.miniauth.server.session.SessionEndReason;
import io.miniauth.server.session.SessionStore;
import io.miniauth.server.session.SessionStore.StoredToken;
import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.AtOnce;
import io.miniauth.server.support.ServerHttpTests;
import io.miniauth.server.token.SigningKeys;
import io.miniauth.server.user.User;
import io.miniauth.server.user.UserRepository;
import io.miniauth.server.user.UserRepository.LoginRecord;
import io.miniauth.server.user.UserRepository.WeChatLogin;
import io.miniauth.server.web.ClientInfo;
import io.miniauth.server.webhook.WebhookOutboxStore;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * What the service needs from its database, checked on each database it supports: one
 * subclass per database, each with a database of its own. The repositories are called
 * directly (upserts, unique keys, single use under concurrency, exact timestamps, emoji),
 * then the whole login flow runs over HTTP.
 */
// a context of their own: these tests rotate signing keys and move the clock
@TestPropertySource(properties = "spring.datasource.hikari.pool-name=database-contract")
abstract class DatabaseContractTests extends ServerHttpTests {

	/** An instant with microseconds, which every supported column type keeps exactly. */
	private static final Instant T0 = Instant.parse("2031-04-05T06:07:08.123456Z");

	private static final int THREADS = 8;

	@Autowired
	UserRepository users;

	@Autowired
	SigningKeys signingKeys;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Flyway flyway;

	@Autowired
	ApplicationContext context;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	AuthEvents events;

	SessionStore store;

	@BeforeEach
	void setUp() {
		this.store = new SessionStore(this.context);
	}

	/**
	 * The database products the datasource may reach, as the driver names them.
	 * @return the names
	 */
	abstract List<String> expectedProducts();

	/**
	 * The folder under {@code db/vendor} whose migrations this database gets.
	 * @return the folder name
	 */
	abstract String expectedVendorFolder();

	/**
	 * A query that counts the transactions of this database that wait for a row lock.
	 * @return the SQL
	 */
	abstract String lockWaitsQuery();

	/**
	 * Whether a second {@code FOR UPDATE SKIP LOCKED ... LIMIT} claim gets the rows the
	 * first one left, while the first holds its own.
	 * @return {@code true} for the databases several instances share
	 */
	boolean claimsPastLockedRows() {
		return true;
	}

	@Test
	void datasourceWhenConnectedThenExpectedDatabaseAndSchemaMigrated() {
		String product = this.jdbc.sql("SELECT 1")
			.query((rs, rowNum) -> rs.getStatement().getConnection().getMetaData().getDatabaseProductName())
			.single();
		assertThat(product).isIn(expectedProducts());
		MigrationInfo[] applied = this.flyway.info().applied();
		assertThat(applied).extracting((migration) -> migration.getVersion().getVersion())
			.containsExactly("1", "2", "3", "5", "6", "7", "9", "10", "11");
		assertThat(applied)
			.allSatisfy((migration) -> assertThat(migration.getState()).isEqualTo(MigrationState.SUCCESS));
		assertThat(applied[0].getPhysicalLocation().replace('\\', '/'))
			.endsWith("/db/vendor/" + expectedVendorFolder() + "/V1__init.sql");
		assertThat(applied[1].getPhysicalLocation().replace('\\', '/'))
			.endsWith("/db/migration/V2__signing_key_succession.sql");
		assertThat(applied[2].getPhysicalLocation().replace('\\', '/'))
			.endsWith("/db/migration/V3__session_cleanup_indexes.sql");
		assertThat(applied[3].getPhysicalLocation().replace('\\', '/'))
			.endsWith("/db/vendor/" + expectedVendorFolder() + "/V5__account_lifecycle.sql");
		assertThat(applied[4].getPhysicalLocation().replace('\\', '/'))
			.endsWith("/db/migration/V6__users_external_id.sql");
		assertThat(applied[5].getPhysicalLocation().replace('\\', '/'))
			.endsWith("/db/vendor/" + expectedVendorFolder() + "/V7__operators.sql");
		assertThat(applied[6].getPhysicalLocation().replace('\\', '/'))
			.endsWith("/db/migration/V9__phone_identity_and_content_checks.sql");
		assertThat(applied[7].getPhysicalLocation().replace('\\', '/'))
			.endsWith("/db/vendor/" + expectedVendorFolder() + "/V10__webhooks.sql");
		assertThat(applied[8].getPhysicalLocation().replace('\\', '/'))
			.endsWith("/db/vendor/" + expectedVendorFolder() + "/V11__daily_stats.sql");
	}

	@Test
	void webhookClaimWhenAnotherInstanceHoldsSomeThenTheyAreSkippedNotWaitedFor() throws Exception {
		WebhookOutboxStore outbox = new WebhookOutboxStore(this.context);
		Instant now = this.clock.instant();
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		List<String> written = transaction.execute((status) -> {
			List<String> ids = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				ids.add(outbox.insertEventWithDelivery(UUID.randomUUID().toString(), now));
			}
			return ids;
		});
		CountDownLatch claimed = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService first = Executors.newSingleThreadExecutor();
		try {
			Future<List<String>> firstClaim = first.submit(() -> transaction.execute((status) -> {
				List<String> ids = outbox.claimDue(now, 3);
				claimed.countDown();
				await().atMost(Duration.ofSeconds(30)).until(() -> release.getCount() == 0);
				return ids;
			}));
			assertThat(claimed.await(30, TimeUnit.SECONDS)).isTrue();
			// while the first instance's transaction holds its rows, the second gets the
			// rest
			List<String> secondClaim = transaction.execute((status) -> outbox.claimDue(now, 100));
			release.countDown();
			List<String> firstIds = firstClaim.get(30, TimeUnit.SECONDS);

			assertThat(firstIds).hasSize(3);
			assertThat(secondClaim).noneMatch(firstIds::contains);
			if (claimsPastLockedRows()) {
				assertThat(secondClaim).containsAll(written.stream().filter((id) -> !firstIds.contains(id)).toList());
			}
			// and once claimed, nothing is due again until the lease ends
			List<String> again = transaction.execute((status) -> outbox.claimDue(now, 100));
			assertThat(again).noneMatch((id) -> firstIds.contains(id) || secondClaim.contains(id));
		}
		finally {
			release.countDown();
			first.shutdownNow();
		}
	}

	@Test
	void recordLoginWhenFirstThenCreatesUserAndWhenAgainThenUpdatesIt() {
		String openid = openid();
		LoginRecord first = this.users.recordLogin(new WeChatLogin("wxdbtest00000001", openid, "union-1", "key-1"), T0);
		LoginRecord second = this.users.recordLogin(new WeChatLogin("wxdbtest00000001", openid, null, "key-2"),
				T0.plusSeconds(60));

		assertThat(first.created()).isTrue();
		assertThat(second.created()).isFalse();
		assertThat(second.user().id()).isEqualTo(first.user().id());
		assertThat(second.user().unionid()).isEqualTo("union-1");
		assertThat(first.user().createdAt()).isEqualTo(T0);
		assertThat(second.user().createdAt()).isEqualTo(T0);
		assertThat(second.user().lastLoginAt()).isEqualTo(T0.plusSeconds(60));
		assertThat(this.users.findSessionKey(first.user().id())).contains("key-2");
		assertThat(this.users.findSessionKeys(first.user().id())).hasValueSatisfying((keys) -> {
			assertThat(keys.current()).contains("key-2");
			assertThat(keys.previous()).contains("key-1");
			assertThat(keys.openid()).isEqualTo(openid);
		});
	}

	@Test
	void recordLoginWhenFirstLoginsRaceThenOneUser() throws Exception {
		String openid = openid();
		List<Callable<LoginRecord>> logins = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			String sessionKey = "key-" + i;
			logins.add(() -> this.users.recordLogin(new WeChatLogin("wxdbtest00000001", openid, null, sessionKey), T0));
		}

		List<LoginRecord> records = AtOnce.run(logins);

		assertThat(records).extracting((record) -> record.user().id()).containsOnly(records.get(0).user().id());
		assertThat(records).filteredOn(LoginRecord::created).hasSize(1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM users WHERE openid = :openid")
			.param("openid", openid)
			.query(Integer.class)
			.single()).isOne();
	}

	/**
	 * A login's audit row is written in the login's transaction: a row that cannot be
	 * written must undo only itself. PostgreSQL aborts a transaction on a failed
	 * statement, so without the savepoint the login would be lost with it.
	 */
	@Test
	void auditRecordWhenTheRowFailsInsideATransactionThenTheRestCommits() {
		String userId = this.api.login("kept-despite-audit").json().get("user").get("id").asString();
		String appidTooLong = "wx" + "0".repeat(40);

		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			this.jdbc.sql("UPDATE users SET nick_name = :name WHERE id = :id")
				.param("name", "写入")
				.param("id", userId)
				.update();
			this.events.record(AuthEventType.LOGIN, "ok", null, appidTooLong, userId, null,
					new ClientInfo("127.0.0.1", "test"));
		});

		assertThat(this.jdbc.sql("SELECT nick_name FROM users WHERE id = :id")
			.param("id", userId)
			.query(String.class)
			.single()).isEqualTo("写入");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM auth_events WHERE user_id = :id AND appid = :appid")
			.param("id", userId)
			.param("appid", appidTooLong.substring(0, 32))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void insertUserWhenAppidAndOpenidTakenThenDuplicateKeyException() {
		String openid = openid();
		this.users.recordLogin(new WeChatLogin("wxdbtest00000001", openid, null, "key"), T0);

		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> this.jdbc.sql("""
				INSERT INTO users (id, appid, openid, created_at, updated_at, last_login_at)
				VALUES (:id, 'wxdbtest00000001', :openid, :now, :now, :now)
				""")
			.param("id", UUID.randomUUID().toString())
			.param("openid", openid)
			.param("now", UtcTimestamps.toColumn(T0))
			.update());
	}

	@Test
	void recordLoginWhenOpenidsDifferOnlyInCaseThenTwoUsers() {
		String openid = "oAbC" + UUID.randomUUID().toString().substring(0, 8);
		LoginRecord upper = this.users.recordLogin(new WeChatLogin("wxdbtest00000001", openid.toUpperCase(), null, "k"),
				T0);
		LoginRecord lower = this.users.recordLogin(new WeChatLogin("wxdbtest00000001", openid.toLowerCase(), null, "k"),
				T0);

		assertThat(lower.created()).isTrue();
		assertThat(lower.user().id()).isNotEqualTo(upper.user().id());
		assertThat(this.users.findByOpenid("wxdbtest00000001", openid.toUpperCase()).orElseThrow().id())
			.isEqualTo(upper.user().id());
	}

	@Test
	void flagCheckedAvatarWhenVerdictIsReviewThenAvatarUrlJoinsTheFieldsUnderReviewOnce() {
		String unflagged = userWithCheckedAvatar(List.of());
		String flagged = userWithCheckedAvatar(List.of("signature"));

		assertThat(this.users.flagCheckedAvatar("trace-of-" + unflagged, T0.plusSeconds(2))).isTrue();
		assertThat(this.users.flagCheckedAvatar("trace-of-" + flagged, T0.plusSeconds(2))).isTrue();
		assertThat(this.users.flagCheckedAvatar("trace-of-" + flagged, T0.plusSeconds(3))).isFalse();

		assertThat(this.users.findById(unflagged).orElseThrow().contentReview()).containsExactly("avatarUrl");
		User found = this.users.findById(flagged).orElseThrow();
		assertThat(found.contentReview()).containsExactly("signature", "avatarUrl");
		assertThat(found.avatarUrl()).isEqualTo("https://example.com/checked.png");
		assertThat(this.users.findByAvatarCheck("trace-of-" + flagged)).isEmpty();
	}

	/** A user whose avatar awaits the verdict of check {@code trace-of-<user id>}. */
	private String userWithCheckedAvatar(List<String> underReview) {
		User user = this.users.recordLogin(new WeChatLogin("wxdbtest00000001", openid(), null, "key"), T0).user();
		String avatarUrl = "https://example.com/checked.png";
		this.users.updateProfile(user.id(),
				(current) -> new User(current.id(), current.appid(), current.openid(), current.unionid(), null,
						avatarUrl, current.signature(), current.phone(), current.createdAt(), current.lastLoginAt(),
						null, current.personId(), underReview),
				T0.plusSeconds(1));
		assertThat(this.users.updateAvatarCheck(user.id(), avatarUrl, "trace-of-" + user.id(), T0.plusSeconds(1)))
			.isTrue();
		return user.id();
	}

	@Test
	void updateProfileWhenEmojiAndChineseThenRoundTrip() {
		User user = this.users.recordLogin(new WeChatLogin("wxdbtest00000001", openid(), null, "key"), T0).user();
		String nickName = "小明😀" + "🎉".repeat(30);
		User changed = new User(user.id(), user.appid(), user.openid(), user.unionid(), nickName,
				"https://example.com/😀.png", "你好，世界 👋", user.phone(), user.createdAt(), user.lastLoginAt(), null,
				user.personId(), user.contentReview());

		this.users.updateProfile(user.id(), (current) -> changed, T0.plusSeconds(1));

		User found = this.users.findById(user.id()).orElseThrow();
		assertThat(found.nickName()).isEqualTo(nickName);
		assertThat(found.avatarUrl()).isEqualTo("https://example.com/😀.png");
		assertThat(found.signature()).isEqualTo("你好，世界 👋");
	}

	@Test
	void sessionWhenStoredThenReadBackExactlyAndRevokedOnce() {
		User user = this.users.recordLogin(new WeChatLogin("wxdbtest00000001", openid(), null, "key"), T0).user();
		Session session = new Session(UUID.randomUUID().toString(), user.id(), user.appid(), T0, T0,
				T0.plus(Duration.ofDays(30)), null, "2001:db8::1", "WeChat/8.0 😀");

		this.store.insertSession(session);

		assertThat(this.store.findSession(session.id())).contains(session);
		assertThat(this.store.findActiveSessions(user.id(), T0.plusSeconds(1))).containsExactly(session);
		Instant later = T0.plusNanos(1_000);
		this.store.touchSession(session.id(), later);
		this.store.extendSession(session.id(), later.plusNanos(1_000), T0.plus(Duration.ofDays(31)));
		Session extended = this.store.findSession(session.id()).orElseThrow();
		assertThat(extended.lastUsedAt()).isEqualTo(T0.plusNanos(2_000));
		assertThat(extended.expiresAt()).isEqualTo(T0.plus(Duration.ofDays(31)));
		assertThat(this.store.revokeSession(session.id(), SessionEndReason.LOGOUT, T0.plusSeconds(5))).isTrue();
		assertThat(this.store.revokeSession(session.id(), SessionEndReason.LOGOUT, T0.plusSeconds(6))).isFalse();
		assertThat(this.store.findSession(session.id()).orElseThrow().revokedAt()).isEqualTo(T0.plusSeconds(5));
		assertThat(this.store.findActiveSessions(user.id(), T0.plusSeconds(7))).isEmpty();
	}

	@Test
	void markRefreshTokenUsedWhenCallsRaceThenExactlyOneWins() throws Exception {
		User user = this.users.recordLogin(new WeChatLogin("wxdbtest00000001", openid(), null, "key"), T0).user();
		Session session = new Session(UUID.randomUUID().toString(), user.id(), user.appid(), T0, T0,
				T0.plus(Duration.ofDays(30)), null, null, null);
		this.store.insertSession(session);
		String hash = RefreshTokens.hash(UUID.randomUUID().toString());
		this.store.insertRefreshToken(hash, session.id(), T0, T0.plus(Duration.ofDays(30)));
		assertThat(this.store.findRefreshToken(hash))
			.contains(new StoredToken(session.id(), T0.plus(Duration.ofDays(30)), null));
		List<Callable<Boolean>> calls = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			Instant usedAt = T0.plusNanos((i + 1) * 1_000L);
			calls.add(() -> this.store.markRefreshTokenUsed(hash, usedAt));
		}

		List<Boolean> results = AtOnce.run(calls);

		assertThat(results).containsOnlyOnce(true);
		Instant usedAt = this.store.findRefreshToken(hash).orElseThrow().usedAt();
		assertThat(usedAt).isEqualTo(T0.plusNanos((results.indexOf(true) + 1) * 1_000L));
	}

	@Test
	void cleanUpWhenTokensAndSessionsExpiredThenOnlyThoseDeletedAndActiveOnesCounted() {
		Instant t = T0.plus(Duration.ofDays(3650));
		long activeBefore = this.store.countActiveSessions(t);
		User user = this.users.recordLogin(new WeChatLogin("wxdbtest00000001", openid(), null, "key"), t).user();
		Session expired = new Session(UUID.randomUUID().toString(), user.id(), user.appid(), t, t,
				t.plus(Duration.ofDays(1)), null, null, null);
		Session active = new Session(UUID.randomUUID().toString(), user.id(), user.appid(), t, t,
				t.plus(Duration.ofDays(30)), null, null, null);
		Session ended = new Session(UUID.randomUUID().toString(), user.id(), user.appid(), t, t,
				t.plus(Duration.ofDays(30)), null, null, null);
		String expiredToken = RefreshTokens.hash(UUID.randomUUID().toString());
		String usedToken = RefreshTokens.hash(UUID.randomUUID().toString());
		String currentToken = RefreshTokens.hash(UUID.randomUUID().toString());
		this.store.insertSession(expired);
		this.store.insertSession(active);
		this.store.insertSession(ended);
		this.store.insertRefreshToken(expiredToken, expired.id(), t, t.plus(Duration.ofDays(1)));
		this.store.insertRefreshToken(usedToken, active.id(), t, t.plus(Duration.ofDays(2)));
		this.store.markRefreshTokenUsed(usedToken, t.plusSeconds(1));
		this.store.insertRefreshToken(currentToken, active.id(), t.plusSeconds(1), t.plus(Duration.ofDays(30)));
		this.store.revokeSession(ended.id(), SessionEndReason.LOGOUT, t.plusSeconds(2));
		assertThat(this.store.countActiveSessions(t.plusSeconds(3))).isEqualTo(activeBefore + 2);
		Instant later = t.plus(Duration.ofDays(1)).plusSeconds(1);

		this.store.deleteExpiredRefreshTokens(later);
		this.store.deleteExpiredSessions(later);

		assertThat(this.store.findRefreshToken(expiredToken)).isEmpty();
		assertThat(this.store.findRefreshToken(usedToken)).isPresent();
		assertThat(this.store.findRefreshToken(currentToken)).isPresent();
		assertThat(this.store.findSession(expired.id())).isEmpty();
		assertThat(this.store.findSession(active.id())).isPresent();
		assertThat(this.store.findSession(ended.id())).isPresent();
		assertThat(this.store.countActiveSessions(later)).isEqualTo(activeBefore + 1);
	}

	@Test
	void signingKeysWhenRotatedThenNewKeyPublishedThenSignsAndOldStillPublished() {
		String before = this.signingKeys.activeKey().kid();
		this.clock.advance(Duration.ofDays(31));

		this.signingKeys.rotateIfDue();

		assertThat(this.signingKeys.activeKey().kid()).isEqualTo(before);
		this.clock.advance(SigningKeys.PUBLISHED_AHEAD);
		String after = this.signingKeys.activeKey().kid();
		assertThat(after).isNotEqualTo(before);
		assertThat(this.signingKeys.publicKeys().getKeys()).extracting((key) -> key.getKeyID()).contains(before, after);
		assertThat(this.signingKeys.verifier(before)).isNotNull();
		this.signingKeys.rotateIfDue();
		assertThat(this.signingKeys.activeKey().kid()).isEqualTo(after);
	}

	@Test
	void signingKeysWhenASecondSuccessorOfTheSameKeyThenDuplicateKeyException() {
		String current = this.jdbc.sql("SELECT replaces FROM signing_keys WHERE kid = :kid")
			.param("kid", this.signingKeys.activeKey().kid())
			.query(String.class)
			.single();

		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> this.jdbc.sql("""
				INSERT INTO signing_keys (kid, jwk, created_at, replaces) VALUES ('second', 'x', :createdAt, :replaces)
				""").param("createdAt", UtcTimestamps.toColumn(T0)).param("replaces", current).update());
	}

	@Test
	void loginFlowOverHttpWhenOnThisDatabaseThenWorksEndToEnd() {
		JsonNode login = this.api.login("db-" + UUID.randomUUID()).json();
		assertThat(login.get("isNewUser").asBoolean()).isTrue();
		String token = login.get("token").asString();
		assertThat(me(token).json().get("id").asString()).isEqualTo(login.get("user").get("id").asString());

		Reply patched = this.api.patch("/user/me", Api.json(Map.of("nickName", "小明😀🎉", "signature", "你好")),
				"Authorization", "Bearer " + token);
		assertThat(patched.status()).isEqualTo(200);
		assertThat(me(token).json().get("nickName").asString()).isEqualTo("小明😀🎉");

		Reply refreshed = refresh(login.get("refreshToken").asString());
		assertThat(refreshed.status()).isEqualTo(200);
		JsonNode rotated = refreshed.json();
		assertThat(rotated.get("refreshToken").asString()).isNotEqualTo(login.get("refreshToken").asString());
		assertThat(me(rotated.get("token").asString()).status()).isEqualTo(200);

		Reply logout = this.api.post("/user/logout", "", "Authorization", "Bearer " + rotated.get("token").asString());
		assertThat(logout.status()).isEqualTo(204);
		assertThat(me(rotated.get("token").asString()).code()).isEqualTo("TOKEN_REVOKED");
		assertThat(refresh(rotated.get("refreshToken").asString()).status()).isEqualTo(401);
	}

	@Test
	void refreshOverHttpWhenReplayedAfterReuseIntervalThenSessionEnded() {
		JsonNode login = this.api.login("db-" + UUID.randomUUID()).json();
		JsonNode rotated = refresh(login.get("refreshToken").asString()).json();
		this.clock.advance(Duration.ofSeconds(11));

		Reply replay = refresh(login.get("refreshToken").asString());

		assertThat(replay.status()).isEqualTo(401);
		assertThat(replay.code()).isEqualTo("REFRESH_TOKEN_REUSED");
		assertThat(me(rotated.get("token").asString()).code()).isEqualTo("TOKEN_REVOKED");
	}

	@Test
	void refreshOverHttpWhenRequestsRaceThenAllGetTheSameSuccessorAndSessionLives() throws Exception {
		JsonNode login = this.api.login("db-" + UUID.randomUUID()).json();
		String refreshToken = login.get("refreshToken").asString();
		List<Callable<Reply>> calls = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			calls.add(() -> refresh(refreshToken));
		}

		List<Reply> replies = AtOnce.run(calls);

		assertThat(replies).extracting(Reply::status).containsOnly(200);
		assertThat(replies).extracting((reply) -> reply.json().get("refreshToken").asString())
			.containsOnly(replies.get(0).json().get("refreshToken").asString());
		assertThat(me(replies.get(0).json().get("token").asString()).status()).isEqualTo(200);
	}

	@Test
	void refreshOverHttpWhenSessionEndsWhileTheRefreshWaitsForItThenTokenRevoked() throws Exception {
		JsonNode login = this.api.login("db-" + UUID.randomUUID()).json();
		String token = login.get("token").asString();
		String sessionId = SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("sid");
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			// a logout holds the session's row while it ends it; the refresh comes
			// meanwhile
			Future<Reply> refresh = new TransactionTemplate(this.transactionManager).execute((status) -> {
				this.jdbc.sql("SELECT id FROM sessions WHERE id = :id FOR UPDATE")
					.param("id", sessionId)
					.query(String.class)
					.single();
				Future<Reply> waiting = executor.submit(() -> refresh(login.get("refreshToken").asString()));
				// not faster: InnoDB refreshes its list of transactions only when it was
				// last
				// read more than 0.1 s ago
				await().atMost(Duration.ofSeconds(20))
					.pollInterval(Duration.ofMillis(150))
					.until(() -> this.jdbc.sql(lockWaitsQuery()).query(Long.class).single() > 0);
				this.store.revokeSession(sessionId, SessionEndReason.LOGOUT, this.clock.instant());
				return waiting;
			});

			Reply reply = refresh.get(30, TimeUnit.SECONDS);

			assertThat(reply.status()).isEqualTo(401);
			assertThat(reply.code()).isEqualTo("TOKEN_REVOKED");
			assertThat(me(token).code()).isEqualTo("TOKEN_REVOKED");
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void deleteMeOverHttpWhenOnThisDatabaseThenRowHoldsNothingPersonalAndTheUserComesBackNew() {
		String handle = "db-leaver-" + UUID.randomUUID();
		JsonNode login = this.api.login(handle).json();
		String id = login.get("user").get("id").asString();
		String openid = login.get("user").get("openid").asString();
		String token = login.get("token").asString();
		this.api.patch("/user/me", Api.json(Map.of("nickName", "小明😀", "signature", "再见")), "Authorization",
				"Bearer " + token);
		this.jdbc
			.sql("UPDATE users SET phone_number = '13900000000', pure_phone_number = '13900000000', "
					+ "country_code = '86' WHERE id = :id")
			.param("id", id)
			.update();

		Reply deleted = this.api.send("DELETE", "/user/me",
				HttpRequest.BodyPublishers.ofString(Api.json(Map.of("code", this.api.wxLogin(handle)))), "Content-Type",
				"application/json", "Authorization", "Bearer " + token);

		assertThat(deleted.status()).isEqualTo(204);
		List<String> columns = List.of("openid", "unionid", "nick_name", "avatar_url", "signature", "phone_number",
				"pure_phone_number", "country_code", "session_key", "previous_session_key", "status", "deleted_at");
		Map<String, Object> row = this.jdbc.sql("SELECT " + String.join(", ", columns) + " FROM users WHERE id = :id")
			.param("id", id)
			.query((rs, rowNum) -> {
				Map<String, Object> values = new HashMap<>();
				for (String column : columns) {
					values.put(column, rs.getObject(column));
				}
				return values;
			})
			.single();
		assertThat((String) row.get("openid")).startsWith("d.").isNotEqualTo(openid);
		assertThat((String) row.get("unionid")).startsWith("d.")
			.isNotEqualTo(login.get("user").get("unionid").asString());
		for (String erased : columns.subList(2, 10)) {
			assertThat(row.get(erased)).as(erased).isNull();
		}
		assertThat(row.get("status")).isEqualTo("deleted");
		assertThat(row.get("deleted_at")).isNotNull();
		JsonNode again = this.api.login(handle).json();
		assertThat(again.get("isNewUser").asBoolean()).isTrue();
		assertThat(again.get("user").get("id").asString()).isNotEqualTo(id);
		Reply old = me(token);
		assertThat(old.code()).isEqualTo("TOKEN_REVOKED");
		assertThat(old.json().get("reason").asString()).isEqualTo("deleted");
	}

	private Reply me(String token) {
		return this.api.get("/user/me", "Authorization", "Bearer " + token);
	}

	private Reply refresh(String refreshToken) {
		return this.api.post("/user/token/refresh", Api.json(Map.of("refreshToken", refreshToken)));
	}

	private static String openid() {
		return "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 27);
	}

}
