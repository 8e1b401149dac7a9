package io.miniauth.server.database;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.ServerHttpTests;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each hot request costs the database: every SQL statement and every commit, counted
 * per request (by its {@code X-Request-Id}) through a proxy around the data source. A
 * login is one transaction that reads and locks the user, writes the user, the session
 * and its refresh token, plus the audit row written on its own; {@code GET /user/me}
 * reads the session (so that a logout counts on the very next request) and the user.
 */
@Import(StatementsPerRequestIntegrationTests.CountingDataSource.class)
class StatementsPerRequestIntegrationTests extends ServerHttpTests {

	private static final Log logger = LogFactory.getLog(StatementsPerRequestIntegrationTests.class);

	@Autowired
	Statements statements;

	@Test
	void loginWhenNewUserThenOneTransactionOfFiveStatementsWithTheAuditRow() {
		String code = this.api.wxLogin("counted-new");

		Reply reply = this.api.post("/user/login", Api.json(Map.of("code", code)), "X-Request-Id", "login-new");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().get("isNewUser").asBoolean()).isTrue();
		assertThat(this.statements.of("login-new")).containsExactly("SELECT users FOR UPDATE", "INSERT users",
				"INSERT sessions", "INSERT refresh_tokens", "INSERT auth_events", "COMMIT");
	}

	@Test
	void loginWhenReturningUserThenOneTransactionOfSevenStatementsWithTheAuditRow() {
		this.api.login("counted-returning");
		String code = this.api.wxLogin("counted-returning");

		Reply reply = this.api.post("/user/login", Api.json(Map.of("code", code)), "X-Request-Id", "login-again");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().get("isNewUser").asBoolean()).isFalse();
		// the account status is read under the user's lock: a ban in between cannot be
		// missed
		assertThat(this.statements.of("login-again")).containsExactly("SELECT users FOR UPDATE", "UPDATE users",
				"SELECT users", "INSERT sessions", "INSERT refresh_tokens", "SELECT sessions", "INSERT auth_events",
				"COMMIT");
	}

	@Test
	void showProfileWhenAuthenticatedThenSessionAndUserReadOnce() {
		String token = this.api.token("counted-me");

		Reply reply = this.api.get("/user/me", "Authorization", "Bearer " + token, "X-Request-Id", "me");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(this.statements.of("me")).containsExactly("SELECT sessions", "SELECT users");
	}

	@Test
	void showProfileWhenLoggedOutThenRefusedOnTheNextRequestWithItsReason() {
		String token = this.api.token("counted-logout");
		assertThat(this.api.get("/user/me", "Authorization", "Bearer " + token).status()).isEqualTo(200);
		assertThat(this.api.post("/user/logout", "", "Authorization", "Bearer " + token).status()).isEqualTo(204);

		Reply reply = this.api.get("/user/me", "Authorization", "Bearer " + token, "X-Request-Id", "me-after-logout");

		assertThat(reply.status()).isEqualTo(401);
		// the second read, only on a refusal, finds why the session ended (the reason
		// member)
		assertThat(reply.json().get("reason").asString()).isEqualTo("logout");
		assertThat(this.statements.of("me-after-logout")).containsExactly("SELECT sessions", "SELECT sessions");
	}

	/**
	 * Statements and commits by request id, each shortened to its verb and table.
	 */
	static class Statements {

		private final Map<String, List<String>> byRequest = new ConcurrentHashMap<>();

		void add(String what) {
			String requestId = MDC.get("requestId");
			if (requestId != null) {
				this.byRequest.computeIfAbsent(requestId, (id) -> new CopyOnWriteArrayList<>()).add(what);
			}
		}

		List<String> of(String requestId) {
			List<String> seen = this.byRequest.getOrDefault(requestId, List.of());
			logger.info("Request " + requestId + ": " + seen.size() + " statements and commits: " + seen);
			return seen;
		}

		static String shorten(String sql) {
			String s = sql.strip().replaceAll("\\s+", " ");
			String verb = s.substring(0, s.indexOf(' ')).toUpperCase(java.util.Locale.ROOT);
			java.util.regex.Matcher table = java.util.regex.Pattern.compile("(?i)\\b(?:FROM|INTO|UPDATE)\\s+([a-z_]+)")
				.matcher(s);
			String name = table.find() ? table.group(1) : "?";
			return verb + " " + name
					+ (s.toUpperCase(java.util.Locale.ROOT).endsWith("FOR UPDATE") ? " FOR UPDATE" : "");
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class CountingDataSource {

		@Bean
		Statements statements() {
			return new Statements();
		}

		@Bean
		static BeanPostProcessor countingDataSourceWrapper(
				org.springframework.beans.factory.ObjectProvider<Statements> statements) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (!(bean instanceof DataSource dataSource)) {
						return bean;
					}
					return ProxyDataSourceBuilder.create(dataSource).afterQuery((execution, queries) -> {
						for (QueryInfo query : queries) {
							statements.getObject().add(Statements.shorten(query.getQuery()));
						}
					}).afterMethod((method) -> {
						if (method.getMethod().getName().equals("commit")
								&& method.getTarget() instanceof java.sql.Connection) {
							statements.getObject().add("COMMIT");
						}
					}).build();
				}
			};
		}

	}

}
