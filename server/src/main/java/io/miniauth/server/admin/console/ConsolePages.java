package io.miniauth.server.admin.console;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the console at {@code /admin/}: its files come from the console jar
 * ({@code META-INF/resources/admin/}); the console routes with the URL's fragment, so
 * {@code index.html} is the only page.
 */
@Configuration(proxyBeanMethods = false)
class ConsolePages implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/admin", "/admin/");
		registry.addViewController("/admin/").setViewName("forward:/admin/index.html");
	}

}
