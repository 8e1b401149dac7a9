package io.miniauth.server.config;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the log says when a housekeeping run fails: an outage of the database or Redis is
 * one warning line, anything else an error with its stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class ScheduledTaskErrorsTests {

	private final ScheduledTaskErrors errors = new ScheduledTaskErrors();

	@Test
	void handleErrorWhenDatabaseDownThenOneWarningLineWithoutStackTrace(CapturedOutput output) {
		this.errors.handleError(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
				new SQLException("Connection to 127.0.0.1:5432 refused")));

		assertThat(output).contains("WARN", "Housekeeping skipped", "CannotGetJdbcConnectionException")
			.doesNotContain("ERROR", "\tat ", "127.0.0.1:5432");
	}

	@Test
	void handleErrorWhenAnythingElseThenErrorWithStackTrace(CapturedOutput output) {
		this.errors.handleError(new IllegalStateException("a bug"));

		assertThat(output).contains("ERROR", "Housekeeping failed", "IllegalStateException: a bug", "\tat ");
	}

}
