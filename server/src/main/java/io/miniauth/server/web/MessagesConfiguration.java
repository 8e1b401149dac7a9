package io.miniauth.server.web;

import java.util.ArrayList;
import java.util.List;

import io.miniauth.server.config.MiniAuthProperties;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The messages people read, in Chinese ({@code messages_zh_CN.properties}) and English
 * ({@code messages_en.properties}), both UTF-8, keyed {@code problem.<CODE>} for error
 * answers, {@code invalid.*} for validation rules, {@code success.*} for the {@code msg}
 * of successful answers. The bundles named in {@code miniauth.web.messages} come first,
 * so an operator changes or adds a phrase by writing its key there, without rebuilding.
 * The language is the request's, read by {@link AcceptLanguageLocaleResolver}.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

	/** The built-in bundles. */
	static final String BUILT_IN = "classpath:messages";

	/**
	 * The messages, with the operator's bundles read from the environment rather than
	 * from {@link MiniAuthProperties}: the context makes this bean first, and validating
	 * those properties already needs messages.
	 * @param environment the environment
	 * @return the message source
	 */
	@Bean
	MessageSource messageSource(Environment environment) {
		return bundles(
				Binder.get(environment).bind("miniauth.web.messages", Bindable.listOf(String.class)).orElse(List.of()));
	}

	@Bean
	LocaleResolver localeResolver(MiniAuthProperties properties) {
		return new AcceptLanguageLocaleResolver(properties.web().defaultLocale());
	}

	/**
	 * The operator's bundles, then the built-in ones.
	 * @param operatorBundles base names such as {@code file:/etc/miniauth/messages}
	 * @return the message source
	 */
	static MessageSource bundles(List<String> operatorBundles) {
		List<String> basenames = new ArrayList<>(operatorBundles);
		basenames.add(BUILT_IN);
		ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
		source.setBasenames(basenames.toArray(String[]::new));
		source.setDefaultEncoding("UTF-8");
		// a language without a bundle gets the exception's English text, never the
		// machine's language
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
