package io.miniauth.server.deployment;

import java.util.Map;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.MiniAuthTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A MariaDB restart under a running server jar (one instance, no Redis): the same
 * guarantees as for PostgreSQL, on the MySQL family that most users run.
 */
class MariaDbRestartIT {

	private static final String APP = "wx7d6c5b4a39281706";

	private static RestartableMariaDb mariaDb;

	private static JarProcess emulator;

	private static JarProcess server;

	@BeforeAll
	static void start() {
		emulator = JarProcess.start("mariadb-restart-emulator", Deployment.emulatorJar(),
				Map.of("EMULATOR_APPS_0_APPID", APP, "EMULATOR_APPS_0_SECRET", "secret-of-the-mariadb-app"));
		mariaDb = RestartableMariaDb.started(Deployment.WORK_DIR);
		server = JarProcess.start("mariadb-restart-server", Deployment.serverJar(),
				Map.of("MINIAUTH_APPS_0_APPID", APP, "MINIAUTH_APPS_0_SECRET", "secret-of-the-mariadb-app",
						"MINIAUTH_WECHAT_BASE_URL", emulator.url() + "/emulator",
						"MINIAUTH_SECURITY_KEY_ENCRYPTION_KEY", MiniAuthTest.KEY_ENCRYPTION_KEY,
						"SPRING_DATASOURCE_URL", mariaDb.jdbcUrl(), "SPRING_DATASOURCE_USERNAME", mariaDb.username(),
						"MINIAUTH_RATE_LIMIT_LOGIN_PER_IP", "100000/1m"));
		emulator.awaitReady("/emulator/calls", Deployment.START_TIMEOUT);
		server.awaitReady("/actuator/health/readiness", Deployment.START_TIMEOUT);
	}

	@AfterAll
	static void stop() {
		Deployment.closeAll(server, emulator, mariaDb);
	}

	@Test
	void mariaDbRestartWhileServingThen503DuringAndNothingLostAfter() throws Exception {
		new DatabaseRestart(server, new Api(emulator.port()), APP).check(mariaDb);
	}

}
