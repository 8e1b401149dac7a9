package io.miniauth.server.importing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ImportOptionsTests {

	@Test
	void parseWhenCsvThenReadsItsOptionsAndPassesTheRestToTheService() {
		ImportOptions options = ImportOptions.parse(List.of("--csv", "users.csv", "--appid=wx1",
				"--miniauth.data-dir=/srv/data", "--dry-run", "--spring.datasource.url=jdbc:h2:mem:x;MODE=MySQL"),
				null);

		assertThat(options.csv()).isEqualTo(Path.of("users.csv"));
		assertThat(options.appid()).isEqualTo("wx1");
		assertThat(options.dryRun()).isTrue();
		assertThat(options.serviceArgs()).containsExactly("--miniauth.data-dir=/srv/data",
				"--spring.datasource.url=jdbc:h2:mem:x;MODE=MySQL");
	}

	@Test
	void parseWhenJdbcThenReadsTheMappingAndThePasswordFromTheEnvironment() {
		ImportOptions options = ImportOptions.parse(List.of("--jdbc", "jdbc:mariadb://db/egg", "--table", "users",
				"--map", "openid=openid, externalId=openid,nickName=nick_name", "--jdbc-user", "egg"), "from-env");

		assertThat(options.mapping()).isEqualTo(Map.of(ImportField.OPENID, "openid", ImportField.EXTERNAL_ID, "openid",
				ImportField.NICK_NAME, "nick_name"));
		assertThat(options.jdbcUser()).isEqualTo("egg");
		assertThat(options.jdbcPassword()).isEqualTo("from-env");
		assertThat(options.dryRun()).isFalse();
		assertThat(options.toString()).doesNotContain("from-env");
	}

	@Test
	void parseWhenPasswordGivenThenItWinsOverTheEnvironment() {
		ImportOptions options = ImportOptions.parse(List.of("--jdbc", "jdbc:postgresql://db/app", "--table", "member",
				"--map", "openid=openid", "--jdbc-password", "given"), "from-env");

		assertThat(options.jdbcPassword()).isEqualTo("given");
	}

	@Test
	void parseWhenIncompleteOrContradictoryThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> ImportOptions.parse(List.of(), null))
			.withMessage("Give either --csv or --jdbc");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ImportOptions.parse(List.of("--csv", "a.csv", "--jdbc", "jdbc:h2:mem:x"), null))
			.withMessage("Give either --csv or --jdbc");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ImportOptions.parse(List.of("--csv", "a.csv", "--table", "users"), null))
			.withMessage("--table goes with --jdbc, not --csv");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ImportOptions.parse(List.of("--jdbc", "jdbc:h2:mem:x", "--table", "users"), null))
			.withMessage("--jdbc needs --table and --map");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ImportOptions
				.parse(List.of("--jdbc", "jdbc:h2:mem:x", "--table", "users", "--map", "openId=openid"), null))
			.withMessageStartingWith("Unknown field 'openId' in --map");
		assertThatIllegalArgumentException().isThrownBy(() -> ImportOptions.parse(List.of("--csv"), null))
			.withMessage("--csv needs a value");
	}

}
