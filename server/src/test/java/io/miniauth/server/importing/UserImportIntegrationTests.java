package io.miniauth.server.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.nimbusds.jwt.SignedJWT;
import com.zaxxer.hikari.HikariDataSource;
import io.miniauth.emulator.app.EmulatedApp;
import io.miniauth.emulator.user.WeChatIdentities;
import io.miniauth.server.MiniAuthApplication;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.MiniAuthTest;
import io.miniauth.server.support.ServerHttpTests;
import io.miniauth.server.support.TestDatabases;
import io.miniauth.server.token.AccessTokenIssuer;
import io.miniauth.server.user.UserRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code import} command, run as an operator runs it (in its own, non-web application
 * context, against this test's database), from a CSV file and from the Egg backend's
 * {@code users} table on H2 and on MariaDB; then the imported people log in through the
 * emulator and find their users.
 */
@ExtendWith(OutputCaptureExtension.class)
class UserImportIntegrationTests extends ServerHttpTests {

	private static final String APPID = EmulatedApp.DEMO.appid();

	/** The table of the Egg backend, as Sequelize creates it on MySQL from its model. */
	private static final String EGG_USERS_MYSQL = """
			CREATE TABLE IF NOT EXISTS `users` (`openid` VARCHAR(50) NOT NULL UNIQUE COMMENT '用户唯一标识',
			`session_key` VARCHAR(50) NOT NULL COMMENT '会话密钥', `nick_name` VARCHAR(30) COMMENT '发布者名',
			`avatar_url` VARCHAR(150) COMMENT '用户头像', `signature` VARCHAR(30) COMMENT '个性签名',
			`created_at` DATETIME NOT NULL, `updated_at` DATETIME NOT NULL, PRIMARY KEY (`openid`))
			ENGINE=InnoDB DEFAULT CHARSET=utf8mb4
			""";

	/** The same table in standard SQL, for H2. */
	private static final String EGG_USERS_STANDARD = """
			CREATE TABLE users (openid VARCHAR(50) NOT NULL UNIQUE, session_key VARCHAR(50) NOT NULL,
			nick_name VARCHAR(30), avatar_url VARCHAR(150), signature VARCHAR(30),
			created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL, PRIMARY KEY (openid))
			""";

	private static final String EGG_MAPPING = "openid=openid,sessionKey=session_key,nickName=nick_name,"
			+ "avatarUrl=avatar_url,signature=signature,createdAt=created_at,externalId=openid";

	private static final int EGG_GOOD_ROWS = 120;

	private static final LocalDateTime EGG_CREATED_AT = LocalDateTime.parse("2023-03-04T05:06:07");

	private final WeChatIdentities identities = new WeChatIdentities();

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserRepository users;

	@TempDir
	Path dir;

	@Test
	void importWhenCsvThenReportsEachRowAndLoginFindsTheImportedUser(CapturedOutput output) throws Exception {
		String handle = "csv-" + UUID.randomUUID();
		String openid = openid(handle);
		String sessionKey = sessionKey("csv:" + handle);
		String other = "o-csv-" + UUID.randomUUID();
		String otherKey = sessionKey("csv:" + other);
		Path csv = csv("openid,unionid,nickName,avatarUrl,signature,phoneNumber,createdAt,externalId,sessionKey",
				openid + ",,小明😀,https://example.com/a.png,你好,13800138000,2024-05-06 07:08:09,1001," + sessionKey,
				other + ",oUnion" + other.substring(6, 20) + ",Bob,,,+85261234567,2024-05-06T07:08:09Z,1002,"
						+ otherKey,
				",,NoOpenid,,,,,1003,", "o-bad-avatar-" + handle + ",,,http://example.com/a.png,,,,1004,",
				"o-bad-nick-" + handle + ",," + "长".repeat(31) + ",,,,,1005,",
				"o-bad-key-" + handle + ",,,,,,,1006,not-a-session-key",
				"o-bad-time-" + handle + ",,,,,,yesterday,1007,", openid + ",,Again,,,,,1008,",
				"o-short-" + handle + ",,,,,,,1009");

		Run run = importing("--csv", csv.toString());

		assertThat(run.status()).isEqualTo(0);
		assertThat(run.out()).contains("new:       2", "updated:   0", "unchanged: 0", "refused:   7")
			.contains("line 4: openid is missing")
			.contains("line 5 (openid o-bad-avatar-" + handle + "): avatarUrl must be an https URL")
			.contains("line 6 (openid o-bad-nick-" + handle + "): nickName must be at most 30 characters")
			.contains("line 7 (openid o-bad-key-" + handle + "): sessionKey is not a WeChat session_key")
			.contains("line 8 (openid o-bad-time-" + handle + "): createdAt must be an ISO-8601 date-time")
			.contains("line 9 (openid " + openid + "): openid appears earlier in this import")
			.contains("line 10: has 8 values, the header has 9");
		Map<String, Object> row = this.jdbc
			.sql("SELECT id, nick_name, phone_number, country_code, external_id, session_key, created_at, "
					+ "last_login_at FROM users WHERE appid = ? AND openid = ?")
			.params(APPID, openid)
			.query()
			.singleRow();
		assertThat(row).containsEntry("NICK_NAME", "小明😀")
			.containsEntry("PHONE_NUMBER", "13800138000")
			.containsEntry("COUNTRY_CODE", "86")
			.containsEntry("EXTERNAL_ID", "1001");
		assertThat((String) row.get("SESSION_KEY")).startsWith("v1.").doesNotContain(sessionKey);
		assertThat(this.users.findSessionKey((String) row.get("ID"))).contains(sessionKey);
		assertThat(this.users.findByOpenid(APPID, openid).orElseThrow().createdAt()).isEqualTo("2024-05-06T07:08:09Z");
		assertThat(count("o-bad-%" + handle)).isZero();

		Reply login = this.api.login(handle);
		JsonNode user = login.json().get("user");
		assertThat(login.json().get("isNewUser").asBoolean()).isFalse();
		assertThat(user.get("id").asString()).isEqualTo(row.get("ID"));
		assertThat(user.get("externalId").asString()).isEqualTo("1001");
		assertThat(user.get("nickName").asString()).isEqualTo("小明😀");
		String token = login.json().get("token").asString();
		assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringClaim(AccessTokenIssuer.EXTERNAL_ID_CLAIM))
			.isEqualTo("1001");
		JsonNode me = this.api.get("/user/me", "Authorization", "Bearer " + token).json();
		assertThat(me.get("externalId").asString()).isEqualTo("1001");

		assertThat(run.out() + run.err() + output.getAll()).doesNotContain(sessionKey).doesNotContain(otherKey);
	}

	@Test
	void importWhenRunAgainThenChangesNothingAndKeepsTheIds() throws Exception {
		String first = "o-again-" + UUID.randomUUID();
		String second = "o-again-" + UUID.randomUUID();
		Path csv = csv("openid,nickName,externalId,sessionKey", first + ",A,x-" + first + "," + sessionKey(first),
				second + ",B,x-" + second + ",");
		assertThat(importing("--csv", csv.toString()).out()).contains("new:       2");
		List<Map<String, Object>> before = rows("o-again-%");

		Run again = importing("--csv", csv.toString());

		assertThat(again.out()).contains("new:       0", "updated:   0", "unchanged: 2", "refused:   0");
		assertThat(rows("o-again-%")).isEqualTo(before);

		Run changed = importing("--csv", csv(csvHeaderAnd(first + ",A2,x-" + first + ",")).toString());
		assertThat(changed.out()).contains("new:       0", "updated:   1", "unchanged: 0");
		assertThat(this.users.findByOpenid(APPID, first).orElseThrow().nickName()).isEqualTo("A2");
		assertThat(this.users.findByOpenid(APPID, first).orElseThrow().id()).isEqualTo(
				before.stream().filter((row) -> first.equals(row.get("OPENID"))).findFirst().orElseThrow().get("ID"));
		assertThat(this.users.findSessionKey(this.users.findByOpenid(APPID, first).orElseThrow().id()))
			.contains(sessionKey(first));
	}

	@Test
	void importWhenExternalIdIsAnotherUsersThenRefusesOnlyThatRow() throws Exception {
		String owner = "o-owner-" + UUID.randomUUID();
		importing("--csv", csv(csvHeaderAnd(owner + ",Owner,ext-" + owner + ",")).toString());
		String taker = "o-taker-" + UUID.randomUUID();
		String fine = "o-fine-" + UUID.randomUUID();

		Run run = importing("--csv",
				csv(csvHeaderAnd(taker + ",Taker,ext-" + owner + ",", fine + ",Fine,ext-" + fine + ",")).toString());

		assertThat(run.out()).contains("new:       1", "refused:   1")
			.contains("(openid " + taker + "): externalId ext-" + owner + " is another user's in this app");
		assertThat(count(taker)).isZero();
		assertThat(count(fine)).isOne();
	}

	@Test
	void importWhenDryRunThenReportsTheSameAndWritesNothing() throws Exception {
		String fresh = "o-dry-" + UUID.randomUUID();
		String existing = "o-dry-" + UUID.randomUUID();
		importing("--csv", csv(csvHeaderAnd(existing + ",Before,,")).toString());
		Path csv = csv(csvHeaderAnd(fresh + ",New,,", existing + ",After,,", "o-dry-bad,\u0001,,"));
		List<Map<String, Object>> before = rows("o-dry-%");

		Run dryRun = importing("--csv", csv.toString(), "--dry-run");

		assertThat(dryRun.status()).isEqualTo(0);
		assertThat(dryRun.out()).contains("(dry run: nothing was written)")
			.contains("new:       1", "updated:   1", "unchanged: 0", "refused:   1")
			.contains("nickName must not contain control characters");
		assertThat(rows("o-dry-%")).isEqualTo(before);
		assertThat(importing("--csv", csv.toString()).out()).contains("new:       1", "updated:   1", "refused:   1");
	}

	@Test
	void importWhenEggTableOnH2ThenImportsItsUsers(CapturedOutput output) throws Exception {
		String url = "jdbc:h2:mem:egg-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		importEggTable(url, "sa", "", EGG_USERS_STANDARD, output);
	}

	@Test
	void importWhenEggTableOnMariaDbThenImportsItsUsers(CapturedOutput output) throws Exception {
		TestDatabases.Server server = TestDatabases.mysql();
		importEggTable(server.createDatabase(), server.username(), server.password(), EGG_USERS_MYSQL, output);
	}

	@Test
	void importWhenSourceCannotBeReadThenFailsWithoutStarting() throws Exception {
		Path csv = csv("openid,nick_name", "o-1,A");

		Run unknownColumn = importing("--csv", csv.toString());
		Run noFile = importing("--csv", this.dir.resolve("missing.csv").toString());
		Run noSource = importing("--appid", APPID);

		assertThat(unknownColumn.status()).isEqualTo(1);
		assertThat(unknownColumn.err()).contains("Unknown column 'nick_name'");
		assertThat(noFile.status()).isEqualTo(1);
		assertThat(noFile.err()).contains("No such file");
		assertThat(noSource.status()).isEqualTo(2);
		assertThat(noSource.err()).contains("Give either --csv or --jdbc", "Usage:");
	}

	private void importEggTable(String url, String user, String password, String ddl, CapturedOutput output)
			throws Exception {
		String handle = "egg-" + UUID.randomUUID();
		String tag = handle.substring(4, 12);
		List<String> keys = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			try (Statement statement = connection.createStatement()) {
				statement.execute(ddl);
			}
			for (int n = 0; n < EGG_GOOD_ROWS; n++) {
				keys.add(insertEggUser(connection, "o-" + tag + "-" + n, "用户" + n,
						"https://example.com/avatar/" + n + ".png", (n % 2 == 0) ? "签名" + n : null));
			}
			keys.add(insertEggUser(connection, openid(handle), "Egg 用户", null, null));
			insertEggUser(connection, "o-" + tag + "-bad-avatar", "Bad", "http://example.com/a.png", null);
			insertEggUser(connection, "o-" + tag + "-bad-nick", "a\u0007b", null, null);
			insertEggUser(connection, "o-" + tag + "-blank-nick", "   ", null, null);
			try (PreparedStatement statement = connection
				.prepareStatement("UPDATE users SET session_key = ? " + "WHERE openid = ?")) {
				statement.setString(1, "not-a-session-key");
				statement.setString(2, "o-" + tag + "-0");
				statement.executeUpdate();
			}
		}
		String[] command = { "--jdbc", url, "--table", "users", "--map", EGG_MAPPING, "--jdbc-user", user,
				"--jdbc-password", password };

		Run run = importing(command);

		assertThat(run.status()).isEqualTo(0);
		assertThat(run.out()).contains("new:       " + EGG_GOOD_ROWS, "updated:   0", "refused:   4")
			.contains("(openid o-" + tag + "-0): sessionKey is not a WeChat session_key")
			.contains("(openid o-" + tag + "-bad-avatar): avatarUrl must be an https URL")
			.contains("(openid o-" + tag + "-bad-nick): nickName must not contain control characters")
			.contains("(openid o-" + tag + "-blank-nick): nickName must not be blank");
		assertThat(count("o-" + tag + "-%")).isEqualTo(EGG_GOOD_ROWS - 1);
		assertThat(this.users.findByOpenid(APPID, "o-" + tag + "-7").orElseThrow()).satisfies((imported) -> {
			assertThat(imported.externalId()).isEqualTo("o-" + tag + "-7");
			assertThat(imported.nickName()).isEqualTo("用户7");
			assertThat(imported.signature()).isNull();
			assertThat(imported.createdAt()).isEqualTo("2023-03-04T05:06:07Z");
		});
		List<Map<String, Object>> before = rows("o-" + tag + "-%");

		Run again = importing(command);

		assertThat(again.out()).contains("new:       0", "updated:   0", "unchanged: " + EGG_GOOD_ROWS, "refused:   4");
		assertThat(rows("o-" + tag + "-%")).isEqualTo(before);

		Reply login = this.api.login(handle);
		assertThat(login.json().get("isNewUser").asBoolean()).isFalse();
		assertThat(login.json().at("/user/externalId").asString()).isEqualTo(openid(handle));
		assertThat(login.json().at("/user/nickName").asString()).isEqualTo("Egg 用户");
		String all = run.out() + run.err() + again.out() + again.err() + output.getAll();
		assertThat(keys).allSatisfy((key) -> assertThat(all).doesNotContain(key));
	}

	/**
	 * A user as the Egg backend stores them, with a session_key as its WeChat mock makes
	 * it.
	 */
	private static String insertEggUser(Connection connection, String openid, String nickName, String avatarUrl,
			String signature) throws SQLException {
		String sessionKey = sessionKey("sk:" + openid);
		try (PreparedStatement statement = connection
			.prepareStatement("INSERT INTO users (openid, session_key, nick_name, avatar_url, signature, "
					+ "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
			statement.setString(1, openid);
			statement.setString(2, sessionKey);
			statement.setString(3, nickName);
			statement.setString(4, avatarUrl);
			statement.setString(5, signature);
			statement.setObject(6, EGG_CREATED_AT);
			statement.setObject(7, EGG_CREATED_AT);
			statement.executeUpdate();
		}
		return sessionKey;
	}

	private Run importing(String... options) {
		List<String> args = new ArrayList<>(List.of(ImportCommand.NAME));
		args.addAll(List.of(options));
		args.add("--spring.datasource.url=" + databaseUrl());
		args.add("--miniauth.security.key-encryption-key=" + MiniAuthTest.KEY_ENCRYPTION_KEY);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = ImportCommand.run(MiniAuthApplication.class, args.toArray(String[]::new),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	/** This test's own database, which the command's context shares. */
	private String databaseUrl() {
		try {
			return this.dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Path csv(String... lines) throws IOException {
		Path file = Files.createTempFile(this.dir, "users", ".csv");
		Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
		return file;
	}

	private static String[] csvHeaderAnd(String... rows) {
		List<String> lines = new ArrayList<>(List.of("openid,nickName,externalId,sessionKey"));
		lines.addAll(List.of(rows));
		return lines.toArray(String[]::new);
	}

	private List<Map<String, Object>> rows(String openidPattern) {
		return this.jdbc.sql("SELECT * FROM users WHERE appid = ? AND openid LIKE ? ORDER BY openid")
			.params(APPID, openidPattern)
			.query()
			.listOfRows();
	}

	private long count(String openidPattern) {
		return this.jdbc.sql("SELECT COUNT(*) FROM users WHERE appid = ? AND openid LIKE ?")
			.params(APPID, openidPattern)
			.query(Long.class)
			.single();
	}

	private String openid(String handle) {
		return this.identities.openid(EmulatedApp.DEMO, handle);
	}

	/** A WeChat-shaped session_key (16 bytes in Base64), derived from a seed. */
	private static String sessionKey(String seed) {
		try {
			return Base64.getEncoder()
				.encodeToString(MessageDigest.getInstance("MD5").digest(seed.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Run(int status, String out, String err) {
	}

}
