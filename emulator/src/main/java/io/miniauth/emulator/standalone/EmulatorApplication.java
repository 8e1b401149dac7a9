package io.miniauth.emulator.standalone;

import java.util.Map;

import io.miniauth.emulator.EmulatorConfiguration;
import io.miniauth.emulator.app.EmulatedApps;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The WeChat emulator on its own, for backends written in any language: the same paths
 * under {@code /emulator} as when embedded, on port 8089 unless {@code server.port} says
 * otherwise. It lives in its own package so that applications embedding the emulator
 * never pick it up.
 */
@SpringBootApplication
@EnableConfigurationProperties(StandaloneProperties.class)
@Import(EmulatorConfiguration.class)
public class EmulatorApplication {

	private static final Log logger = LogFactory.getLog(EmulatorApplication.class);

	static final Map<String, Object> DEFAULTS = Map.of("server.port", "8089", "spring.main.banner-mode", "off");

	@Bean
	EmulatedApps emulatedApps(StandaloneProperties properties) {
		EmulatedApps apps = EmulatedApps.of(properties.appsOrDemo());
		logger.info("The WeChat emulator answers for " + apps.all());
		return apps;
	}

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(EmulatorApplication.class);
		application.setDefaultProperties(DEFAULTS);
		application.run(args);
	}

}
