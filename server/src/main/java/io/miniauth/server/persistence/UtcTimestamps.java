package io.miniauth.server.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * How instants are stored: as UTC in plain {@code TIMESTAMP} columns, which H2,
 * PostgreSQL and MySQL all have, with no time zone conversion by any driver.
 */
public final class UtcTimestamps {

	private UtcTimestamps() {
	}

	/**
	 * The column value for an instant.
	 * @param instant the instant, or {@code null}
	 * @return the UTC date-time, or {@code null}
	 */
	public static LocalDateTime toColumn(Instant instant) {
		return (instant != null) ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC) : null;
	}

	/**
	 * Reads an instant from a column.
	 * @param rs the result set
	 * @param column the column
	 * @return the instant, or {@code null} for SQL NULL
	 * @throws SQLException when the column cannot be read
	 */
	public static Instant fromColumn(ResultSet rs, String column) throws SQLException {
		LocalDateTime value = rs.getObject(column, LocalDateTime.class);
		return (value != null) ? value.toInstant(ZoneOffset.UTC) : null;
	}

}
