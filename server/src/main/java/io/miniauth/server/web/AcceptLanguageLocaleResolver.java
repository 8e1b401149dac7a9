package io.miniauth.server.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a request's messages, from its {@code Accept-Language}: the first
 * range, by weight, that names Chinese ({@code zh}, {@code zh-CN}, {@code zh-Hans}, ...)
 * gives {@code zh-CN}, one that names English ({@code en}, {@code en-US}, ...) gives
 * {@code en}. A request without the header, with one naming neither, or with one that
 * cannot be read gets the default ({@code miniauth.web.default-locale}). The servlet
 * container's own reading is not used: for a header it cannot read it falls back to the
 * machine's locale, which would make the answer's language depend on the server.
 */
final class AcceptLanguageLocaleResolver implements LocaleResolver {

	static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	static final Locale ENGLISH = Locale.ENGLISH;

	private final Locale defaultLocale;

	/**
	 * @param defaultLocale the configured default; a Chinese one means {@code zh-CN}, any
	 * other English
	 */
	AcceptLanguageLocaleResolver(Locale defaultLocale) {
		this.defaultLocale = CHINESE.getLanguage().equals(defaultLocale.getLanguage()) ? CHINESE : ENGLISH;
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return of((request != null) ? request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) : null);
	}

	/**
	 * The language for an {@code Accept-Language} value.
	 * @param acceptLanguage the header's value, or {@code null}
	 * @return {@code zh-CN} or {@code en}
	 */
	Locale of(String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank()) {
			return this.defaultLocale;
		}
		List<Locale.LanguageRange> ranges;
		try {
			ranges = Locale.LanguageRange.parse(acceptLanguage);
		}
		catch (IllegalArgumentException ex) {
			return this.defaultLocale;
		}
		// parse() sorts the ranges by weight, highest first
		for (Locale.LanguageRange range : ranges) {
			if (range.getWeight() == 0) {
				continue;
			}
			String language = range.getRange().split("-", 2)[0];
			if (language.equals(CHINESE.getLanguage())) {
				return CHINESE;
			}
			if (language.equals(ENGLISH.getLanguage())) {
				return ENGLISH;
			}
		}
		return this.defaultLocale;
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		throw new UnsupportedOperationException("The language comes from the Accept-Language header");
	}

}
