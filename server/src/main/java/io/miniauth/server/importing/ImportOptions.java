package io.miniauth.server.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The options of the {@code import} command. Every other argument (such as
 * {@code --miniauth.data-dir=...} or {@code --spring.datasource.url=...}) is the
 * service's own configuration and is passed on to it.
 *
 * @param csv the CSV file, or {@code null}
 * @param jdbcUrl the JDBC URL of the source database, or {@code null}
 * @param table the source table
 * @param mapping the source column of each field
 * @param jdbcUser the source database's account, or {@code null}
 * @param jdbcPassword its password, or {@code null}
 * @param appid the app of rows that name none, or {@code null}
 * @param dryRun whether to write nothing
 * @param serviceArgs the arguments for the service
 */
record ImportOptions(Path csv, String jdbcUrl, String table, Map<ImportField, String> mapping, String jdbcUser,
		String jdbcPassword, String appid, boolean dryRun, List<String> serviceArgs) {

	/** The environment variable that may hold the source database's password. */
	static final String PASSWORD_ENV = "MINIAUTH_IMPORT_JDBC_PASSWORD";

	static final String USAGE = """
			Usage: java -jar miniauth-server.jar import --csv FILE [--appid APPID] [--dry-run]
			       java -jar miniauth-server.jar import --jdbc URL --table TABLE --map FIELD=COLUMN,...
			            [--jdbc-user USER] [--jdbc-password PASSWORD] [--appid APPID] [--dry-run]
			  The CSV header and the --map fields name MiniAuth's fields:
			  %s (openid is required).
			  The source database's password may come from %s instead.
			  Other --name=value arguments configure the service as usual (datasource, data dir, keys).
			""".formatted(ImportField.allNames(), PASSWORD_ENV);

	/**
	 * Reads the arguments that follow {@code import}.
	 * @param args the arguments
	 * @param environmentPassword the value of {@value #PASSWORD_ENV}, or {@code null}
	 * @return the options
	 * @throws IllegalArgumentException when they are incomplete or contradictory
	 */
	static ImportOptions parse(List<String> args, String environmentPassword) {
		Map<String, String> values = new java.util.HashMap<>();
		boolean dryRun = false;
		List<String> serviceArgs = new ArrayList<>();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
			switch (name) {
				case "--dry-run" -> dryRun = true;
				case "--csv", "--jdbc", "--table", "--map", "--jdbc-user", "--jdbc-password", "--appid" -> {
					String value;
					if (arg.contains("=")) {
						value = arg.substring(arg.indexOf('=') + 1);
					}
					else if (i + 1 < args.size()) {
						value = args.get(++i);
					}
					else {
						throw new IllegalArgumentException(name + " needs a value");
					}
					if (values.put(name, value) != null) {
						throw new IllegalArgumentException(name + " is given twice");
					}
				}
				default -> serviceArgs.add(arg);
			}
		}
		String csv = values.get("--csv");
		String jdbc = values.get("--jdbc");
		if ((csv == null) == (jdbc == null)) {
			throw new IllegalArgumentException("Give either --csv or --jdbc");
		}
		if (csv != null) {
			for (String jdbcOnly : List.of("--table", "--map", "--jdbc-user", "--jdbc-password")) {
				if (values.containsKey(jdbcOnly)) {
					throw new IllegalArgumentException(jdbcOnly + " goes with --jdbc, not --csv");
				}
			}
			return new ImportOptions(Path.of(csv), null, null, Map.of(), null, null, values.get("--appid"), dryRun,
					List.copyOf(serviceArgs));
		}
		if (!values.containsKey("--table") || !values.containsKey("--map")) {
			throw new IllegalArgumentException("--jdbc needs --table and --map");
		}
		String password = values.getOrDefault("--jdbc-password", environmentPassword);
		return new ImportOptions(null, jdbc, values.get("--table"), mapping(values.get("--map")),
				values.get("--jdbc-user"), password, values.get("--appid"), dryRun, List.copyOf(serviceArgs));
	}

	private static Map<ImportField, String> mapping(String map) {
		Map<ImportField, String> mapping = new EnumMap<>(ImportField.class);
		for (String pair : map.split(",")) {
			int equals = pair.indexOf('=');
			if (equals <= 0 || equals == pair.length() - 1) {
				throw new IllegalArgumentException("--map takes FIELD=COLUMN pairs, not '" + pair + "'");
			}
			String fieldName = pair.substring(0, equals).strip();
			ImportField field = ImportField.named(fieldName)
				.orElseThrow(() -> new IllegalArgumentException(
						"Unknown field '" + fieldName + "' in --map: the fields are " + ImportField.allNames()));
			if (mapping.put(field, pair.substring(equals + 1).strip()) != null) {
				throw new IllegalArgumentException("The field " + fieldName + " is mapped twice");
			}
		}
		return mapping;
	}

	@Override
	public String toString() {
		return "ImportOptions[csv=" + this.csv + ", table=" + this.table + ", appid=" + this.appid + ", dryRun="
				+ this.dryRun + ", jdbcPassword=******]";
	}

}
