package io.miniauth.server.importing;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The server jar's {@code import} command: it starts the service with its usual
 * configuration but without the web server, imports users from a CSV file or another
 * database, prints the report and ends. It fails (a non-zero status) only when it cannot
 * run at all; refused rows are part of the report.
 */
public final class ImportCommand {

	/** The first argument that selects this command. */
	public static final String NAME = "import";

	/** The status of an import that ran, whatever rows it refused. */
	static final int DONE = 0;

	/** The status of an import that could not run, or not to its end. */
	static final int FAILED = 1;

	/** The status of a command line that is not understood. */
	static final int USAGE = 2;

	private static final Map<String, Object> QUIET = Map.of("logging.level.root", "WARN",
			"spring.main.log-startup-info", "false");

	private ImportCommand() {
	}

	/**
	 * Whether the arguments ask for this command.
	 * @param args the program's arguments
	 * @return whether the first one is {@value #NAME}
	 */
	public static boolean isRequested(String[] args) {
		return args.length > 0 && NAME.equals(args[0]);
	}

	/**
	 * Runs the command.
	 * @param application the service's application class
	 * @param args the program's arguments, {@value #NAME} first
	 * @param out where the report goes
	 * @param err where failures go
	 * @return the exit status
	 */
	public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
		ImportOptions options;
		try {
			options = ImportOptions.parse(Arrays.asList(args).subList(1, args.length),
					System.getenv(ImportOptions.PASSWORD_ENV));
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage());
			err.print(ImportOptions.USAGE);
			return USAGE;
		}
		RowSource source;
		try {
			source = open(options);
		}
		catch (ImportFailedException ex) {
			err.println("The import cannot start: " + ex.getMessage());
			return FAILED;
		}
		try (source) {
			ConfigurableApplicationContext context;
			try {
				context = new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
					.properties(QUIET)
					.run(options.serviceArgs().toArray(String[]::new));
			}
			catch (RuntimeException ex) {
				err.println("The import cannot start: " + rootCause(ex).getMessage());
				return FAILED;
			}
			try (context) {
				ImportReport report = context.getBean(UserImporter.class)
					.run(source, options.appid(), options.dryRun());
				report.print(out);
				return DONE;
			}
		}
		catch (ImportFailedException ex) {
			err.println("The import failed: " + ex.getMessage());
			return FAILED;
		}
	}

	private static RowSource open(ImportOptions options) {
		if (options.csv() != null) {
			return CsvRowSource.open(options.csv());
		}
		return JdbcRowSource.open(options.jdbcUrl(), options.jdbcUser(), options.jdbcPassword(), options.table(),
				options.mapping());
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

}
