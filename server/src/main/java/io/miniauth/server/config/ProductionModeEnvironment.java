package io.miniauth.server.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.util.StringUtils;

/**
 * {@code miniauth.mode}: {@code demo} (the default: with no app configured, the demo app
 * and the emulator) or {@code production}. In production the service refuses to start
 * without a configured app, a key-encryption key and a database chosen by the operator,
 * or with the emulator on; and the API documents, Swagger UI and the Prometheus scrape
 * are off on the service port (Prometheus stays on {@code management.server.port} when
 * one is set). Settings the operator gives explicitly still win over these defaults.
 */
public class ProductionModeEnvironment implements EnvironmentPostProcessor {

	static final String MODE = "miniauth.mode";

	private static final String PACKAGED_DEFAULTS = "class path resource [application.properties]";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String mode = environment.getProperty(MODE, "demo").strip().toLowerCase(Locale.ROOT);
		if (mode.equals("demo")) {
			return;
		}
		if (!mode.equals("production")) {
			throw new IllegalStateException(MODE + " must be demo or production, not " + mode);
		}
		List<String> missing = missing(environment);
		if (!missing.isEmpty()) {
			throw new IllegalStateException("miniauth.mode=production refuses to start: " + String.join("; ", missing));
		}
		Map<String, Object> defaults = new HashMap<>();
		defaults.put("springdoc.api-docs.enabled", "false");
		defaults.put("springdoc.swagger-ui.enabled", "false");
		if (!StringUtils.hasText(environment.getProperty("management.server.port"))) {
			defaults.put("management.endpoints.web.exposure.include", "health");
		}
		// above the packaged application.properties, below anything the operator sets
		PropertySource<?> packaged = packagedDefaults(environment);
		MapPropertySource production = new MapPropertySource("miniauthProductionMode", defaults);
		if (packaged != null) {
			environment.getPropertySources().addBefore(packaged.getName(), production);
		}
		else {
			environment.getPropertySources().addLast(production);
		}
	}

	private static List<String> missing(ConfigurableEnvironment environment) {
		Binder binder = new Binder(ConfigurationPropertySources.get(environment));
		List<String> missing = new ArrayList<>();
		if (!StringUtils.hasText(binder.bind("miniauth.apps[0].appid", String.class).orElse(null))) {
			missing.add("no app is configured (set miniauth.apps[0].appid and miniauth.apps[0].secret)");
		}
		if (!StringUtils.hasText(binder.bind("miniauth.security.key-encryption-key", String.class).orElse(null))) {
			missing.add("miniauth.security.key-encryption-key is not set");
		}
		if (binder.bind("miniauth.emulator.enabled", Boolean.class).orElse(false)) {
			missing.add("miniauth.emulator.enabled=true would let anyone log in as anyone");
		}
		PropertySource<?> datasource = firstWith(environment, "spring.datasource.url");
		if (datasource == null || datasource.getName().contains(PACKAGED_DEFAULTS)) {
			missing.add("spring.datasource.url is not set (choose the database, see docs/DATABASES.md)");
		}
		return missing;
	}

	private static PropertySource<?> firstWith(ConfigurableEnvironment environment, String name) {
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (!ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)
					&& source.containsProperty(name)) {
				return source;
			}
		}
		return null;
	}

	private static PropertySource<?> packagedDefaults(ConfigurableEnvironment environment) {
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (source.getName().contains(PACKAGED_DEFAULTS)) {
				return source;
			}
		}
		return null;
	}

}
