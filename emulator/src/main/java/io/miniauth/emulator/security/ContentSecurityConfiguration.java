package io.miniauth.emulator.security;

import java.time.Clock;

import io.miniauth.emulator.token.AccessTokens;
import io.miniauth.emulator.user.UserActivity;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The emulator's content security: the keyword table from
 * {@code emulator.content-security.*}, the checks both APIs share, and the media results
 * waiting for their push.
 */
@Configuration(proxyBeanMethods = false)
public class ContentSecurityConfiguration {

	private static final String SETTINGS_PREFIX = "emulator.content-security";

	@Bean
	ContentSecuritySettings emulatorContentSecuritySettings(Environment environment) {
		return Binder.get(environment).bindOrCreate(SETTINGS_PREFIX, ContentSecuritySettings.class);
	}

	@Bean
	ContentRules emulatorContentRules(ContentSecuritySettings emulatorContentSecuritySettings) {
		return new ContentRules(emulatorContentSecuritySettings);
	}

	@Bean
	SecurityChecks emulatorSecurityChecks(UserActivity activity,
			ContentSecuritySettings emulatorContentSecuritySettings, ObjectProvider<Clock> clock, AccessTokens tokens,
			JsonMapper jsonMapper) {
		return new SecurityChecks(activity, emulatorContentSecuritySettings, clock.getIfAvailable(Clock::systemUTC),
				tokens, jsonMapper);
	}

	@Bean
	MediaResultPushes emulatorMediaResultPushes(MediaChecks emulatorMediaChecks,
			ObjectProvider<MediaResultPushes.MediaResultSender> sender, ObjectProvider<Clock> clock) {
		return new MediaResultPushes(emulatorMediaChecks, sender.getIfAvailable(() -> MediaResultPushes.NOT_SENT),
				clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	MediaResultPoller emulatorMediaResultPoller(MediaResultPushes emulatorMediaResultPushes,
			ContentSecuritySettings emulatorContentSecuritySettings) {
		return new MediaResultPoller(emulatorMediaResultPushes,
				emulatorContentSecuritySettings.mediaResultPollInterval());
	}

	@Bean
	MediaChecks emulatorMediaChecks(ContentSecuritySettings emulatorContentSecuritySettings,
			ObjectProvider<Clock> clock) {
		return new MediaChecks(clock.getIfAvailable(Clock::systemUTC),
				emulatorContentSecuritySettings.mediaResultDelay());
	}

}
