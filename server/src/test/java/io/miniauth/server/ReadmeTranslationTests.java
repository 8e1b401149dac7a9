package io.miniauth.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each README has a Chinese translation beside it ({@code README.zh-CN.md}), and the two
 * stay alike where a reader copies from them: the same shell commands (the lines of
 * {@code bash}, {@code sh}, {@code shell}, {@code console} and {@code properties} code
 * blocks, comments left out, as comments are translated) and the same configuration
 * properties (every backticked {@code miniauth.*}, {@code spring.*}, {@code server.*}
 * name). Each links to the other.
 */
class ReadmeTranslationTests {

	private static final Pattern FENCE = Pattern.compile("(?m)^```([a-z]*)[^\\n]*\\n(.*?)^```", Pattern.DOTALL);

	private static final Set<String> COPIED = Set.of("bash", "sh", "shell", "console", "properties");

	private static final Pattern PROPERTY = Pattern
		.compile("`((?:miniauth|spring|server)\\.[A-Za-z0-9_.\\[\\]-]*[A-Za-z0-9\\]])[^`]*`");

	@ParameterizedTest
	@ValueSource(strings = { "..", "../clients/miniprogram", "../starter" })
	void readmeWhenTranslatedThenBothListTheSameCommands(String folder) throws IOException {
		assertBothHaveTheSame("command", folder, ReadmeTranslationTests::commands);
	}

	@ParameterizedTest
	@ValueSource(strings = { "..", "../clients/miniprogram", "../starter" })
	void readmeWhenTranslatedThenBothNameTheSameProperties(String folder) throws IOException {
		assertBothHaveTheSame("configuration property", folder, ReadmeTranslationTests::properties);
	}

	@ParameterizedTest
	@ValueSource(strings = { "..", "../clients/miniprogram", "../starter" })
	void readmeWhenTranslatedThenEachLinksToTheOtherAtTheTop(String folder) throws IOException {
		List<String> english = Files.readAllLines(Path.of(folder, "README.md")).subList(0, 5);
		List<String> chinese = Files.readAllLines(Path.of(folder, "README.zh-CN.md")).subList(0, 5);

		assertThat(String.join("\n", english)).as(folder + "/README.md links to README.zh-CN.md in its first lines")
			.contains("(README.zh-CN.md)");
		assertThat(String.join("\n", chinese)).as(folder + "/README.zh-CN.md links to README.md in its first lines")
			.contains("(README.md)");
	}

	private static void assertBothHaveTheSame(String what, String folder, Function<String, Set<String>> items)
			throws IOException {
		Path english = Path.of(folder, "README.md");
		Path chinese = Path.of(folder, "README.zh-CN.md");
		Set<String> inEnglish = items.apply(Files.readString(english));
		Set<String> inChinese = items.apply(Files.readString(chinese));
		List<String> problems = new ArrayList<>();
		inEnglish.stream()
			.filter((item) -> !inChinese.contains(item))
			.forEach((item) -> problems.add(what + " in " + english + " but missing from " + chinese + ": " + item));
		inChinese.stream()
			.filter((item) -> !inEnglish.contains(item))
			.forEach((item) -> problems.add(what + " in " + chinese + " but missing from " + english + ": " + item));
		assertThat(problems).as("the README and its translation differ").isEmpty();
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
		Set<String> properties = new LinkedHashSet<>();
		Matcher property = PROPERTY.matcher(markdown);
		while (property.find()) {
			properties.add(property.group(1));
		}
		return properties;
	}

}
