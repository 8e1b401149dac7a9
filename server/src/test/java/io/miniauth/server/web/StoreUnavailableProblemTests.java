package io.miniauth.server.web;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every way a database or Redis outage surfaces in a request is a 503 that says to try
 * again, never a 500: the ways seen in the restart tests, including a connection that
 * breaks while a transaction rolls back.
 */
class StoreUnavailableProblemTests {

	static final List<RuntimeException> OUTAGES = List.of(
			new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", new SQLException("refused")),
			new CannotCreateTransactionException("Could not open JDBC Connection for transaction"),
			new TransactionSystemException("JDBC rollback failed"),
			new QueryTimeoutException("Redis command timed out"),
			new RedisConnectionFailureException("Unable to connect to Redis"));

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@ParameterizedTest
	@FieldSource("OUTAGES")
	void requestWhenOutageThen503ServiceUnavailableWithRetryAfter(RuntimeException outage) throws Exception {
		MockMvc mvc = MockMvcBuilders.standaloneSetup(new FailingController(outage))
			.setControllerAdvice(new ProblemHandler(new Problems(this.meters, MessagesConfiguration.bundles(List.of()),
					new AcceptLanguageLocaleResolver(Locale.SIMPLIFIED_CHINESE))))
			.build();

		mvc.perform(get("/failing"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(jsonPath("$.code").value("SERVICE_UNAVAILABLE"))
			.andExpect(jsonPath("$.msg").value("服务繁忙，请稍后再试"));
		assertThat(this.meters.counter("miniauth.problems", "code", "SERVICE_UNAVAILABLE").count()).isEqualTo(1);
	}

	@RestController
	static class FailingController {

		private final RuntimeException outage;

		FailingController(RuntimeException outage) {
			this.outage = outage;
		}

		@GetMapping("/failing")
		String failing() {
			throw this.outage;
		}

	}

}
