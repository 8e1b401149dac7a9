package io.miniauth.emulator;

import java.time.Clock;

import io.miniauth.emulator.api.EmulatedAppResolver;
import io.miniauth.emulator.api.WeChatResponses;
import io.miniauth.emulator.app.EmulatedApps;
import io.miniauth.emulator.login.LoginCodes;
import io.miniauth.emulator.user.SessionKeys;
import io.miniauth.emulator.user.WeChatIdentities;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WeChat emulator, mounted under {@code /emulator}. An application imports this
 * configuration and provides an {@link EmulatedApps} bean naming the apps to answer for;
 * a {@link Clock} bean, when present, drives code and key lifetimes.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = EmulatorConfiguration.class, useDefaultFilters = false,
		includeFilters = @ComponentScan.Filter({ RestController.class, RestControllerAdvice.class }))
public class EmulatorConfiguration {

	@Bean
	LoginCodes emulatorLoginCodes(ObjectProvider<Clock> clock) {
		return new LoginCodes(clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	SessionKeys emulatorSessionKeys() {
		return new SessionKeys();
	}

	@Bean
	WeChatIdentities emulatorIdentities() {
		return new WeChatIdentities();
	}

	@Bean
	EmulatedAppResolver emulatedAppResolver(EmulatedApps apps) {
		return new EmulatedAppResolver(apps);
	}

	@Bean
	WeChatResponses emulatorResponses(JsonMapper jsonMapper) {
		return new WeChatResponses(jsonMapper);
	}

}
