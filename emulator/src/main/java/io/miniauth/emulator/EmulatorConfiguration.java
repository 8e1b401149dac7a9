package io.miniauth.emulator;

import java.time.Clock;

import io.miniauth.emulator.api.AppCredentials;
import io.miniauth.emulator.api.EmulatedAppResolver;
import io.miniauth.emulator.api.WeChatResponses;
import io.miniauth.emulator.app.EmulatedApps;
import io.miniauth.emulator.call.CallCounts;
import io.miniauth.emulator.crypto.OpenDataSealer;
import io.miniauth.emulator.fault.Faults;
import io.miniauth.emulator.interception.WeChatEndpointInterceptor;
import io.miniauth.emulator.login.LoginCodes;
import io.miniauth.emulator.login.MinuteQuota;
import io.miniauth.emulator.phone.PhoneCodes;
import io.miniauth.emulator.security.ContentSecurityConfiguration;
import io.miniauth.emulator.token.AccessTokens;
import io.miniauth.emulator.user.SessionKeys;
import io.miniauth.emulator.user.UserActivity;
import io.miniauth.emulator.user.WeChatIdentities;
import io.miniauth.emulator.webhook.WebhookInspector;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WeChat emulator, mounted under {@code /emulator} (and nowhere else: the standalone
 * emulator's extras, such as WeChat's root paths, are not scanned). An application
 * imports this configuration and provides an {@link EmulatedApps} bean naming the apps to
 * answer for; a {@link Clock} bean, when present, drives every lifetime (codes, tokens,
 * keys, quotas). The fidelity knobs are read from the {@code emulator.*} properties (see
 * {@link EmulatorSettings}).
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = EmulatorConfiguration.class, useDefaultFilters = false,
		includeFilters = @ComponentScan.Filter({ RestController.class, RestControllerAdvice.class }),
		excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = "io\\.miniauth\\.emulator\\.standalone\\..*"))
@Import(ContentSecurityConfiguration.class)
public class EmulatorConfiguration {

	private static final String SETTINGS_PREFIX = "emulator";

	@Bean
	EmulatorSettings emulatorSettings(Environment environment) {
		return Binder.get(environment).bindOrCreate(SETTINGS_PREFIX, EmulatorSettings.class);
	}

	@Bean
	LoginCodes emulatorLoginCodes(ObjectProvider<Clock> clock) {
		return new LoginCodes(clockOf(clock));
	}

	@Bean
	MinuteQuota emulatorLoginQuota(ObjectProvider<Clock> clock, EmulatorSettings emulatorSettings) {
		return new MinuteQuota(clockOf(clock), emulatorSettings.loginRateLimitPerMinute());
	}

	@Bean
	SessionKeys emulatorSessionKeys(ObjectProvider<Clock> clock, EmulatorSettings emulatorSettings) {
		return new SessionKeys(clockOf(clock), emulatorSettings.sessionKeyMinRotationPeriod());
	}

	@Bean
	AccessTokens emulatorAccessTokens(ObjectProvider<Clock> clock) {
		return new AccessTokens(clockOf(clock));
	}

	@Bean
	PhoneCodes emulatorPhoneCodes(ObjectProvider<Clock> clock) {
		return new PhoneCodes(clockOf(clock));
	}

	@Bean
	OpenDataSealer emulatorOpenDataSealer(ObjectProvider<Clock> clock, JsonMapper jsonMapper) {
		return new OpenDataSealer(clockOf(clock), jsonMapper);
	}

	@Bean
	UserActivity emulatorUserActivity(ObjectProvider<Clock> clock) {
		return new UserActivity(clockOf(clock));
	}

	@Bean
	WeChatIdentities emulatorIdentities() {
		return new WeChatIdentities();
	}

	@Bean
	AppCredentials emulatorAppCredentials(EmulatedApps apps) {
		return new AppCredentials(apps);
	}

	@Bean
	EmulatedAppResolver emulatedAppResolver(EmulatedApps apps) {
		return new EmulatedAppResolver(apps);
	}

	@Bean
	WeChatResponses emulatorResponses(JsonMapper jsonMapper) {
		return new WeChatResponses(jsonMapper);
	}

	@Bean
	Faults emulatorFaults() {
		return new Faults();
	}

	@Bean
	WebhookInspector emulatorWebhookInspector(ObjectProvider<Clock> clock, EmulatorSettings emulatorSettings) {
		return new WebhookInspector(emulatorSettings.webhookSecret(), clockOf(clock));
	}

	@Bean
	CallCounts emulatorCallCounts() {
		return new CallCounts();
	}

	@Bean
	WebMvcConfigurer emulatorEndpointInterceptor(Faults emulatorFaults, CallCounts emulatorCallCounts,
			JsonMapper jsonMapper) {
		WeChatEndpointInterceptor interceptor = new WeChatEndpointInterceptor(emulatorFaults, emulatorCallCounts,
				jsonMapper);
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(interceptor).addPathPatterns("/emulator/**");
			}

		};
	}

	private static Clock clockOf(ObjectProvider<Clock> clock) {
		return clock.getIfAvailable(Clock::systemUTC);
	}

}
