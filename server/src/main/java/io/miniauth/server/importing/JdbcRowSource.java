package io.miniauth.server.importing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Users from a table of another database (PostgreSQL, MySQL, MariaDB, H2: any JDBC URL
 * whose driver is on the class path), read as a stream of rows with a cursor, never all
 * at once. A mapping names the column of each MiniAuth field; columns are found by name,
 * regardless of case. The table name is checked to be a plain (optionally
 * schema-qualified) identifier, and no column name is ever put into SQL.
 */
final class JdbcRowSource implements RowSource {

	private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");

	private static final int FETCH_SIZE = 1000;

	private final String description;

	private final Connection connection;

	private final Statement statement;

	private final ResultSet rows;

	private final Map<ImportField, Integer> columns;

	private long rowNumber;

	private JdbcRowSource(String description, Connection connection, Statement statement, ResultSet rows,
			Map<ImportField, Integer> columns) {
		this.description = description;
		this.connection = connection;
		this.statement = statement;
		this.rows = rows;
		this.columns = columns;
	}

	/**
	 * Connects and starts reading the table.
	 * @param url the JDBC URL
	 * @param user the account, or {@code null}
	 * @param password its password, or {@code null}
	 * @param table the table
	 * @param mapping the column of each field, {@code openid} among them
	 * @return the source, positioned at the first row
	 * @throws ImportFailedException when the database cannot be read or a column is
	 * missing
	 */
	static JdbcRowSource open(String url, String user, String password, String table,
			Map<ImportField, String> mapping) {
		if (!TABLE.matcher(table).matches()) {
			throw new ImportFailedException("The table name '" + table + "' is not a plain identifier");
		}
		if (!mapping.containsKey(ImportField.OPENID)) {
			throw new ImportFailedException("The mapping must name the openid column (--map openid=<column>,...)");
		}
		String description = "table " + table;
		Connection connection = null;
		try {
			connection = DriverManager.getConnection(url, user, password);
			connection.setReadOnly(true);
			// a cursor: PostgreSQL streams only inside a transaction
			connection.setAutoCommit(false);
			Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
			// MySQL Connector/J streams row by row only when asked with MIN_VALUE
			statement.setFetchSize(url.startsWith("jdbc:mysql:") ? Integer.MIN_VALUE : FETCH_SIZE);
			ResultSet rows = statement.executeQuery("SELECT * FROM " + table);
			return new JdbcRowSource(description, connection, statement, rows, columns(rows.getMetaData(), mapping));
		}
		catch (SQLException ex) {
			closeQuietly(connection);
			throw new ImportFailedException(
					"Cannot read " + description + " from " + redacted(url) + ": " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			closeQuietly(connection);
			throw ex;
		}
	}

	@Override
	public String description() {
		return this.description;
	}

	@Override
	public SourceRow next() {
		try {
			if (!this.rows.next()) {
				return null;
			}
			this.rowNumber++;
			Map<ImportField, String> values = new EnumMap<>(ImportField.class);
			for (Map.Entry<ImportField, Integer> column : this.columns.entrySet()) {
				values.put(column.getKey(), text(this.rows.getObject(column.getValue())));
			}
			return new SourceRow("row " + this.rowNumber, values, null);
		}
		catch (SQLException ex) {
			throw new ImportFailedException(
					"Cannot read " + this.description + " after row " + this.rowNumber + ": " + ex.getMessage());
		}
	}

	@Override
	public void close() {
		try {
			this.rows.close();
			this.statement.close();
		}
		catch (SQLException ex) {
			// read only: nothing was lost
		}
		finally {
			closeQuietly(this.connection);
		}
	}

	private static Map<ImportField, Integer> columns(ResultSetMetaData metaData, Map<ImportField, String> mapping)
			throws SQLException {
		Map<String, Integer> byName = new LinkedHashMap<>();
		for (int i = 1; i <= metaData.getColumnCount(); i++) {
			byName.putIfAbsent(metaData.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
		}
		Map<ImportField, Integer> columns = new EnumMap<>(ImportField.class);
		for (Map.Entry<ImportField, String> field : mapping.entrySet()) {
			Integer index = byName.get(field.getValue().toLowerCase(Locale.ROOT));
			if (index == null) {
				throw new ImportFailedException("The table has no column '" + field.getValue() + "' (mapped to "
						+ field.getKey().fieldName() + "); its columns are " + String.join(",", byName.keySet()));
			}
			columns.put(field.getKey(), index);
		}
		return columns;
	}

	/**
	 * A column value as text: date-times without a zone as ISO local date-times (read as
	 * UTC later), with a zone as instants.
	 */
	private static String text(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Timestamp timestamp) {
			return timestamp.toLocalDateTime().toString();
		}
		if (value instanceof LocalDateTime dateTime) {
			return dateTime.toString();
		}
		if (value instanceof OffsetDateTime dateTime) {
			return dateTime.toInstant().toString();
		}
		String text = value.toString();
		return text.isEmpty() ? null : text;
	}

	private static String redacted(String url) {
		return url.replaceAll("(?i)(password=)[^&;]*", "$1******");
	}

	private static void closeQuietly(Connection connection) {
		if (connection != null) {
			try {
				connection.rollback();
				connection.close();
			}
			catch (SQLException ex) {
				// read only: nothing was lost
			}
		}
	}

}
