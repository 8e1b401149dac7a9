package io.miniauth.emulator.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * What the emulator's content security treats as risky or for review, bound from the
 * {@code emulator.content-security.*} properties. A word entry is {@code word} or
 * {@code word:label}, with one of WeChat's label codes (21000, "other", when left out); a
 * text containing the word gets that verdict. A media entry is a part of the URL.
 *
 * @param riskyWords words that make a text {@code risky}
 * @param reviewWords words that make a text {@code review}
 * @param riskyMedia URL parts that make an image or audio {@code risky}
 * @param reviewMedia URL parts that make an image or audio {@code review}
 * @param activeWindow how long after opening the app ({@code wx.login()}) a user's
 * content is checked; later calls answer 61010 (two hours in WeChat's docs)
 * @param mediaResultDelay how long after {@code media_check_async} its result is pushed
 * (WeChat: within 30 minutes)
 * @param mediaResultPollInterval how often the due results are looked for and pushed;
 * zero leaves it to {@code POST /emulator/wx/media-check/push-due}, as tests do
 */
public record ContentSecuritySettings(@DefaultValue("[risky]") List<String> riskyWords,
		@DefaultValue("[review]") List<String> reviewWords, @DefaultValue("risky") List<String> riskyMedia,
		@DefaultValue("review") List<String> reviewMedia, @DefaultValue("2h") Duration activeWindow,
		@DefaultValue("5s") Duration mediaResultDelay, @DefaultValue("1s") Duration mediaResultPollInterval) {

	public ContentSecuritySettings {
		riskyWords = List.copyOf(riskyWords);
		reviewWords = List.copyOf(reviewWords);
		riskyMedia = List.copyOf(riskyMedia);
		reviewMedia = List.copyOf(reviewMedia);
		Assert.notNull(activeWindow, "activeWindow cannot be null");
		Assert.notNull(mediaResultDelay, "mediaResultDelay cannot be null");
		Assert.isTrue(!mediaResultDelay.isNegative(), "mediaResultDelay cannot be negative");
		Assert.notNull(mediaResultPollInterval, "mediaResultPollInterval cannot be null");
		Assert.isTrue(!mediaResultPollInterval.isNegative(), "mediaResultPollInterval cannot be negative");
	}

}
