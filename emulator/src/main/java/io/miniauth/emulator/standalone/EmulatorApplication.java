package io.miniauth.emulator.standalone;

import java.util.Map;

import io.miniauth.emulator.EmulatorConfiguration;
import io.miniauth.emulator.app.EmulatedApps;
import io.miniauth.emulator.call.CallCounts;
import io.miniauth.emulator.fault.Faults;
import io.miniauth.emulator.interception.WeChatEndpointInterceptor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The WeChat emulator on its own, for backends written in any language: WeChat's
 * endpoints at WeChat's own paths (and under {@code /emulator}, as when embedded), the
 * control endpoints under {@code /emulator}, on {@code 127.0.0.1:8089} unless
 * {@code server.address} and {@code server.port} say otherwise. It lives in its own
 * package, which {@link EmulatorConfiguration} does not scan, so that applications
 * embedding the emulator never pick it up.
 */
@SpringBootApplication
@EnableConfigurationProperties(StandaloneProperties.class)
@Import(EmulatorConfiguration.class)
public class EmulatorApplication {

	private static final Log logger = LogFactory.getLog(EmulatorApplication.class);

	/**
	 * A test double listens on loopback unless told otherwise; the resources mapping is
	 * off so that an unknown path is a 404 like any other control error.
	 */
	static final Map<String, Object> DEFAULTS = Map.of("server.port", "8089", "server.address", "127.0.0.1",
			"spring.main.banner-mode", "off", "spring.web.resources.add-mappings", "false");

	@Bean
	EmulatedApps emulatedApps(StandaloneProperties properties) {
		EmulatedApps apps = EmulatedApps.of(properties.appsOrDemo());
		logger.info("The WeChat emulator answers for " + apps.all());
		return apps;
	}

	@Bean
	WeChatRootPaths weChatRootPaths(
			@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlerMapping) {
		return new WeChatRootPaths(handlerMapping);
	}

	/**
	 * Faults and call counts for WeChat's endpoints at their root paths; the emulator
	 * applies them under {@code /emulator} itself.
	 */
	@Bean
	WebMvcConfigurer weChatRootPathInterceptor(Faults faults, CallCounts calls, JsonMapper jsonMapper) {
		WeChatEndpointInterceptor interceptor = new WeChatEndpointInterceptor(faults, calls, jsonMapper);
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(interceptor)
					.addPathPatterns("/**")
					.excludePathPatterns(WeChatRootPaths.PREFIX + "/**");
			}

		};
	}

	/**
	 * The application {@code java -jar} runs, with the standalone defaults.
	 * @return the application
	 */
	static SpringApplication application() {
		SpringApplication application = new SpringApplication(EmulatorApplication.class);
		application.setDefaultProperties(DEFAULTS);
		return application;
	}

	public static void main(String[] args) {
		application().run(args);
	}

}
