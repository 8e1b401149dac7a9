package io.miniauth.server.database;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database contract on MySQL or MariaDB, plus the column types that only they need.
 */
abstract class MySqlFamilyDatabaseTests extends DatabaseContractTests {

	@Override
	String lockWaitsQuery() {
		return """
				SELECT COUNT(*) FROM information_schema.innodb_trx t
				JOIN information_schema.processlist p ON p.id = t.trx_mysql_thread_id
				WHERE t.trx_state = 'LOCK WAIT' AND p.db = DATABASE()
				""";
	}

	@Test
	void schemaWhenMigratedThenDatetime6Utf8mb4BinaryAndInnoDb() {
		List<Map<String, Object>> timestamps = this.jdbc.sql("""
				SELECT column_name, data_type, datetime_precision FROM information_schema.columns
				WHERE table_schema = DATABASE() AND column_name LIKE '%\\_at'
				""").query().listOfRows();
		assertThat(timestamps).isNotEmpty()
			.extracting((column) -> column.get("data_type") + "(" + column.get("datetime_precision") + ")")
			.containsOnly("datetime(6)");
		List<Map<String, Object>> tables = this.jdbc.sql("""
				SELECT table_name, engine, table_collation FROM information_schema.tables
				WHERE table_schema = DATABASE() AND table_name <> 'flyway_schema_history'
				""").query().listOfRows();
		assertThat(tables).isNotEmpty()
			.extracting((table) -> table.get("engine") + " " + table.get("table_collation"))
			.containsOnly("InnoDB utf8mb4_bin");
	}

}
