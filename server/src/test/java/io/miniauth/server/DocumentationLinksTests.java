package io.miniauth.server;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link of the repository's Markdown documents leads somewhere: to a file
 * or folder that exists and, with a {@code #fragment} into a Markdown file, to a heading
 * of that file, named as GitHub names its anchors.
 */
class DocumentationLinksTests {

	private static final Path ROOT = Path.of("..");

	private static final Pattern FENCE = Pattern.compile("(?m)^```.*?^```", Pattern.DOTALL);

	private static final Pattern INLINE_CODE = Pattern.compile("`[^`\\n]*`");

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

	private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");

	private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*:");

	@Test
	void documentsWhenLinkingRelativelyThenEveryFileAndAnchorExists() throws IOException {
		List<String> broken = new ArrayList<>();
		for (Path document : markdownFiles()) {
			Matcher link = LINK.matcher(prose(Files.readString(document)));
			while (link.find()) {
				String target = link.group(1);
				if (SCHEME.matcher(target).find()) {
					continue;
				}
				String problem = problemOf(document, target);
				if (problem != null) {
					broken.add(ROOT.relativize(document) + ": " + target + " (" + problem + ")");
				}
			}
		}
		assertThat(broken).as("links that lead nowhere").isEmpty();
	}

	@Test
	void anchorsWhenHeadingsHavePunctuationOrRepeatThenNamedAsGitHubDoes() {
		Set<String> anchors = anchors("""
				# MiniAuth
				### `GET /user/sessions`, `DELETE /user/sessions/{id}`
				### WeChat's user-data pushes: `/wechat/push/{appid}`
				### 账号生命周期：封禁与注销
				```bash
				# a comment, not a heading
				```
				## Events
				## Events
				""");

		assertThat(anchors).containsExactlyInAnyOrder("miniauth", "get-usersessions-delete-usersessionsid",
				"wechats-user-data-pushes-wechatpushappid", "账号生命周期封禁与注销", "events", "events-1");
	}

	private static String problemOf(Path document, String target) throws IOException {
		int hash = target.indexOf('#');
		String file = (hash < 0) ? target : target.substring(0, hash);
		Path resolved = file.isEmpty() ? document : document.resolveSibling(file).normalize();
		if (!Files.exists(resolved)) {
			return "no such file";
		}
		if (hash < 0 || !resolved.toString().endsWith(".md")) {
			return null;
		}
		String anchor = target.substring(hash + 1);
		return anchors(Files.readString(resolved)).contains(anchor) ? null : "no such heading";
	}

	/** The anchors GitHub gives the headings of a Markdown text. */
	static Set<String> anchors(String markdown) {
		Set<String> anchors = new HashSet<>();
		Map<String, Integer> seen = new HashMap<>();
		Matcher heading = HEADING.matcher(FENCE.matcher(markdown).replaceAll(""));
		while (heading.find()) {
			String text = heading.group(1).replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "");
			String slug = text.strip()
				.toLowerCase(Locale.ROOT)
				.replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "")
				.replace(' ', '-');
			int repeats = seen.merge(slug, 1, Integer::sum) - 1;
			anchors.add((repeats == 0) ? slug : slug + "-" + repeats);
		}
		return anchors;
	}

	/** The text outside code, where a link is a link. */
	private static String prose(String markdown) {
		return INLINE_CODE.matcher(FENCE.matcher(markdown).replaceAll("")).replaceAll("");
	}

	/**
	 * The repository's Markdown files, outside build output, installed packages and
	 * hidden folders.
	 */
	static List<Path> markdownFiles() throws IOException {
		List<Path> documents = new ArrayList<>();
		Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
				String name = folder.getFileName().toString();
				boolean skipped = !folder.equals(ROOT)
						&& (name.equals("target") || name.equals("node_modules") || name.startsWith("."));
				return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
				if (file.getFileName().toString().endsWith(".md")) {
					documents.add(file.normalize());
				}
				return FileVisitResult.CONTINUE;
			}

		});
		return documents;
	}

}
