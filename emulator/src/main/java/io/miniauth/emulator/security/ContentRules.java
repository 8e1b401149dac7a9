package io.miniauth.emulator.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.util.Assert;

/**
 * The keyword table behind the emulator's content security: the first risky entry found
 * in the content decides, then the first review entry; anything else passes. Matching
 * ignores case.
 */
final class ContentRules {

	/** WeChat's label "other", for entries that name none. */
	static final int OTHER = 21000;

	private final List<Rule> words;

	private final List<Rule> media;

	ContentRules(ContentSecuritySettings settings) {
		Assert.notNull(settings, "settings cannot be null");
		this.words = rules(settings.riskyWords(), settings.reviewWords());
		this.media = rules(settings.riskyMedia(), settings.reviewMedia());
	}

	Verdict judgeText(String content) {
		return judge(this.words, content);
	}

	Verdict judgeMedia(String url) {
		return judge(this.media, url);
	}

	private static Verdict judge(List<Rule> rules, String content) {
		String folded = content.toLowerCase(Locale.ROOT);
		return rules.stream()
			.filter((rule) -> folded.contains(rule.needle()))
			.findFirst()
			.map((rule) -> new Verdict(rule.suggest(), rule.label(), rule.entry()))
			.orElseGet(Verdict::pass);
	}

	private static List<Rule> rules(List<String> risky, List<String> review) {
		List<Rule> rules = new ArrayList<>();
		risky.forEach((entry) -> rules.add(Rule.of(Verdict.RISKY, entry)));
		review.forEach((entry) -> rules.add(Rule.of(Verdict.REVIEW, entry)));
		return List.copyOf(rules);
	}

	private record Rule(String suggest, String entry, String needle, int label) {

		static Rule of(String suggest, String entry) {
			String word = entry;
			int label = OTHER;
			int colon = entry.lastIndexOf(':');
			if (colon > 0 && entry.substring(colon + 1).matches("[0-9]{3,5}")) {
				word = entry.substring(0, colon);
				label = Integer.parseInt(entry.substring(colon + 1));
			}
			Assert.hasText(word, "a content security entry cannot be empty");
			return new Rule(suggest, word, word.toLowerCase(Locale.ROOT), label);
		}

	}

}
