package io.miniauth.server.web;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ErrorCode} is the one list of codes: the message bundles, the error catalogue
 * behind the OpenAPI document, the code the service throws and the SDK's type
 * declarations all name exactly its codes, each with the same status.
 */
class ErrorCodeTests {

	private static final Path BUNDLES = Path.of("src/main/resources");

	private static final Path MAIN_SOURCES = Path.of("src/main/java");

	private static final Path SDK_TYPES = Path.of("../clients/miniprogram/index.d.ts");

	/** Spring MVC's own failures, which no endpoint lists: any path can give them. */
	/**
	 * Answers of no endpoint in particular: an unknown path, a refused CORS preflight.
	 */
	private static final Set<ErrorCode> ANY_PATH = Set.of(ErrorCode.NOT_FOUND, ErrorCode.METHOD_NOT_ALLOWED,
			ErrorCode.NOT_ACCEPTABLE, ErrorCode.CORS_ORIGIN_NOT_ALLOWED);

	@Test
	void bundlesWhenReadThenEveryCodeHasAMessageInChineseAndInEnglish() throws IOException {
		Properties chinese = bundle("messages_zh_CN.properties");
		Properties english = bundle("messages_en.properties");

		for (ErrorCode code : ErrorCode.values()) {
			assertThat(chinese.getProperty(code.messageKey())).as("messages_zh_CN.properties: " + code.messageKey())
				.isNotBlank()
				.containsPattern("\\p{IsHan}");
			assertThat(english.getProperty(code.messageKey())).as("messages_en.properties: " + code.messageKey())
				.isNotBlank()
				.doesNotContainPattern("\\p{IsHan}");
			// a code's own message is used without arguments: a {0} would show as it is
			assertThat(chinese.getProperty(code.messageKey())).as(code.messageKey()).doesNotContain("{");
			assertThat(english.getProperty(code.messageKey())).as(code.messageKey()).doesNotContain("{");
		}
	}

	@Test
	void bundlesWhenComparedThenBothHaveTheSameKeysAndChineseIsChinese() throws IOException {
		Properties chinese = bundle("messages_zh_CN.properties");
		Properties english = bundle("messages_en.properties");

		assertThat(new TreeSet<>(chinese.stringPropertyNames())).as("keys missing from messages_zh_CN.properties")
			.containsAll(english.stringPropertyNames());
		assertThat(new TreeSet<>(english.stringPropertyNames())).as("keys missing from messages_en.properties")
			.containsAll(chinese.stringPropertyNames());
		chinese.stringPropertyNames()
			.stream()
			.filter((key) -> !key.startsWith("field."))
			.forEach((key) -> assertThat(chinese.getProperty(key)).as(key).containsPattern("\\p{IsHan}"));
	}

	@Test
	void catalogWhenReadThenEveryCodeIsAnErrorCodeUnderItsOwnStatus() {
		ApiErrorCatalog.all().forEach((endpoint, errors) -> errors.forEach((status, codes) -> codes.forEach((code) -> {
			assertThat(ErrorCode.find(code)).as(endpoint + ": " + code + " is not in ErrorCode").isPresent();
			assertThat(ErrorCode.find(code).get().status().value()).as(endpoint + ": status of " + code)
				.isEqualTo(status);
		})));
	}

	@Test
	void catalogWhenReadThenListsEveryCodeButUpcomingAndSpringMvcOnes() {
		Set<String> listed = ApiErrorCatalog.all()
			.values()
			.stream()
			.flatMap((errors) -> errors.values().stream())
			.flatMap(List::stream)
			.collect(Collectors.toSet());
		ApiDocsConfiguration.EVERY_ENDPOINT.forEach((code) -> listed.add(code.name()));

		Set<String> missing = Arrays.stream(ErrorCode.values())
			.filter((code) -> !ErrorCode.UPCOMING.contains(code) && !ANY_PATH.contains(code))
			.map(ErrorCode::name)
			.filter((code) -> !listed.contains(code))
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(missing).as("codes in ErrorCode that no endpoint of ApiErrorCatalog lists").isEmpty();
	}

	@Test
	void sourcesWhenReadThenEveryCodeButTheUpcomingOnesIsUsed() throws IOException {
		String sources = mainSources((file) -> !file.endsWith("ErrorCode.java"));

		Set<String> unused = Arrays.stream(ErrorCode.values())
			.filter((code) -> !ErrorCode.UPCOMING.contains(code))
			.map(ErrorCode::name)
			.filter((code) -> !sources.contains("ErrorCode." + code) && !sources.contains("\"" + code + "\""))
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(unused).as("codes nothing uses: use them, or list them in ErrorCode.UPCOMING").isEmpty();
	}

	@Test
	void sourcesWhenReadThenEveryCodeThrownByNameIsAnErrorCodeUnderItsOwnStatus() throws IOException {
		String sources = mainSources((file) -> true);
		// the (HttpStatus, code, msg) constructor of MiniAuthException
		Matcher thrown = Pattern.compile("HttpStatus\\.(\\w+),\\s*\"([A-Z][A-Z0-9_]*)\"").matcher(sources);
		while (thrown.find()) {
			String code = thrown.group(2);
			assertThat(ErrorCode.find(code)).as(code + " is thrown but is not in ErrorCode").isPresent();
			assertThat(ErrorCode.find(code).get().status().name()).as("status of " + code).isEqualTo(thrown.group(1));
		}
	}

	@Test
	void sdkTypesWhenReadThenServerErrorCodeListsExactlyTheErrorCodes() throws IOException {
		String types = Files.readString(SDK_TYPES);
		Matcher union = Pattern.compile("export type ServerErrorCode\\s*=([^;]*);").matcher(types);
		assertThat(union.find()).as("index.d.ts declares export type ServerErrorCode = ...;").isTrue();
		Set<String> declared = new TreeSet<>();
		Matcher literal = Pattern.compile("'([A-Z][A-Z0-9_]*)'").matcher(union.group(1));
		while (literal.find()) {
			declared.add(literal.group(1));
		}
		Set<String> codes = Arrays.stream(ErrorCode.values())
			.map(ErrorCode::name)
			.collect(Collectors.toCollection(TreeSet::new));

		Set<String> missingInTypes = new LinkedHashSet<>(codes);
		missingInTypes.removeAll(declared);
		Set<String> unknownInTypes = new LinkedHashSet<>(declared);
		unknownInTypes.removeAll(codes);
		assertThat(missingInTypes).as("codes of ErrorCode missing from ServerErrorCode in index.d.ts").isEmpty();
		assertThat(unknownInTypes).as("codes in ServerErrorCode of index.d.ts that ErrorCode lacks").isEmpty();
	}

	private static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(BUNDLES.resolve(name), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	private static String mainSources(java.util.function.Predicate<String> included) throws IOException {
		StringBuilder text = new StringBuilder();
		try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java"))
				.filter((f) -> included.test(f.toString()))
				.toList()) {
				text.append(Files.readString(file));
			}
		}
		return text.toString();
	}

}
