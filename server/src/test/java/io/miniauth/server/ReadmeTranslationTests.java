package io.miniauth.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.miniauth.server.problem.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each README, and each document in {@code docs/} that has one, has a Chinese translation
 * beside it ({@code README.zh-CN.md}, {@code API.zh-CN.md}, ...), and the two stay alike
 * where a reader copies from them or acts on them: the same shell commands (the lines of
 * {@code bash}, {@code sh}, {@code shell}, {@code console} and {@code properties} code
 * blocks, comments left out, as comments are translated), the same configuration
 * properties (every backticked {@code miniauth.*}, {@code spring.*}, {@code server.*}
 * name), the same endpoint paths and the same error codes. Each links to the other.
 */
class ReadmeTranslationTests {

	private static final String TRANSLATED = ".zh-CN.md";

	/** Every English document that has a Chinese twin, from the server module. */
	private static final List<String> DOCUMENTS = List.of("../README.md", "../clients/miniprogram/README.md",
			"../starter/README.md", "../docs/API.md", "../docs/CONFIGURATION.md", "../docs/DEPLOYING.md",
			"../docs/IMPORTING.md");

	private static final Pattern FENCE = Pattern.compile("(?m)^```([a-z]*)[^\\n]*\\n(.*?)^```", Pattern.DOTALL);

	private static final Set<String> COPIED = Set.of("bash", "sh", "shell", "console", "properties");

	private static final Pattern PROPERTY = Pattern
		.compile("`((?:miniauth|spring|server)\\.[A-Za-z0-9_.\\[\\]-]*[A-Za-z0-9\\]])[^`]*`");

	private static final Pattern ENDPOINT = Pattern
		.compile("(?<![\\w/.])(/(?:user|admin|emulator|wechat|oauth2|actuator"
				+ "|\\.well-known|v3|swagger-ui|sns|cgi-bin)[A-Za-z0-9_./{}<>-]*)");

	private static final Pattern UPPER_SNAKE = Pattern.compile("(?<![A-Za-z0-9_])[A-Z][A-Z0-9_]+(?![A-Za-z0-9_])");

	private static final Set<String> ERROR_CODES = Arrays.stream(ErrorCode.values())
		.map(ErrorCode::name)
		.collect(Collectors.toSet());

	@ParameterizedTest
	@MethodSource("documents")
	void documentWhenTranslatedThenBothListTheSameCommands(String document) throws IOException {
		assertBothHaveTheSame("command", document, ReadmeTranslationTests::commands);
	}

	@ParameterizedTest
	@MethodSource("documents")
	void documentWhenTranslatedThenBothNameTheSameProperties(String document) throws IOException {
		assertBothHaveTheSame("configuration property", document, ReadmeTranslationTests::properties);
	}

	@ParameterizedTest
	@MethodSource("documents")
	void documentWhenTranslatedThenBothNameTheSameEndpoints(String document) throws IOException {
		assertBothHaveTheSame("endpoint", document, ReadmeTranslationTests::endpoints);
	}

	@ParameterizedTest
	@MethodSource("documents")
	void documentWhenTranslatedThenBothNameTheSameErrorCodes(String document) throws IOException {
		assertBothHaveTheSame("error code", document, ReadmeTranslationTests::errorCodes);
	}

	@ParameterizedTest
	@MethodSource("documents")
	void documentWhenTranslatedThenEachLinksToTheOtherAtTheTop(String document) throws IOException {
		Path english = Path.of(document);
		Path chinese = translationOf(english);
		List<String> englishTop = Files.readAllLines(english).subList(0, 5);
		List<String> chineseTop = Files.readAllLines(chinese).subList(0, 5);

		assertThat(String.join("\n", englishTop)).as(english + " links to its translation in its first lines")
			.contains("(" + chinese.getFileName() + ")");
		assertThat(String.join("\n", chineseTop)).as(chinese + " links to the English in its first lines")
			.contains("(" + english.getFileName() + ")");
	}

	@Test
	void translationWhenPresentAnywhereThenItsPairIsChecked() throws IOException {
		List<Path> checked = DOCUMENTS.stream()
			.map((document) -> translationOf(Path.of(document)).normalize())
			.toList();
		List<Path> translations = DocumentationLinksTests.markdownFiles()
			.stream()
			.filter((file) -> file.getFileName().toString().endsWith(TRANSLATED))
			.toList();

		assertThat(checked).as("the translations these tests compare with their English")
			.containsExactlyInAnyOrderElementsOf(translations);
	}

	static List<String> documents() {
		return DOCUMENTS;
	}

	private static Path translationOf(Path english) {
		String name = english.getFileName().toString();
		return english.resolveSibling(name.substring(0, name.length() - ".md".length()) + TRANSLATED);
	}

	private static void assertBothHaveTheSame(String what, String document, Function<String, Set<String>> items)
			throws IOException {
		Path english = Path.of(document);
		Path chinese = translationOf(english);
		Set<String> inEnglish = items.apply(Files.readString(english));
		Set<String> inChinese = items.apply(Files.readString(chinese));
		List<String> problems = new ArrayList<>();
		inEnglish.stream()
			.filter((item) -> !inChinese.contains(item))
			.forEach((item) -> problems.add(what + " in " + english + " but missing from " + chinese + ": " + item));
		inChinese.stream()
			.filter((item) -> !inEnglish.contains(item))
			.forEach((item) -> problems.add(what + " in " + chinese + " but missing from " + english + ": " + item));
		assertThat(problems).as("the document and its translation differ").isEmpty();
	}

	/** The lines of the shell and properties code blocks, without comments, in order. */
	static Set<String> commands(String markdown) {
		Set<String> commands = new LinkedHashSet<>();
		Matcher block = FENCE.matcher(markdown);
		while (block.find()) {
			if (!COPIED.contains(block.group(1))) {
				continue;
			}
			for (String line : block.group(2).split("\n")) {
				String command = line.replaceAll("(^|\\s)#.*$", "").strip();
				if (!command.isEmpty()) {
					commands.add(command);
				}
			}
		}
		return commands;
	}

	/** The backticked configuration properties, in order of first mention. */
	static Set<String> properties(String markdown) {
		return matches(PROPERTY, markdown);
	}

	/**
	 * The paths of MiniAuth's, the emulator's and WeChat's endpoints, anywhere in the
	 * text.
	 */
	static Set<String> endpoints(String markdown) {
		Set<String> endpoints = new LinkedHashSet<>();
		for (String path : matches(ENDPOINT, markdown)) {
			endpoints.add(path.endsWith(".") ? path.substring(0, path.length() - 1) : path);
		}
		return endpoints;
	}

	/** The names of {@link ErrorCode}s, anywhere in the text. */
	static Set<String> errorCodes(String markdown) {
		Set<String> codes = matches(UPPER_SNAKE, markdown);
		codes.retainAll(ERROR_CODES);
		return codes;
	}

	private static Set<String> matches(Pattern pattern, String markdown) {
		Set<String> found = new LinkedHashSet<>();
		Matcher match = pattern.matcher(markdown);
		while (match.find()) {
			found.add(match.group(match.groupCount() > 0 ? 1 : 0));
		}
		return found;
	}

}
