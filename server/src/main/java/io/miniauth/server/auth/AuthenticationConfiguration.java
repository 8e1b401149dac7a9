package io.miniauth.server.auth;

import java.util.List;

import io.miniauth.server.token.AccessTokenVerifier;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every {@code /user/**} endpoint needs an access token, except the login itself.
 */
@Configuration(proxyBeanMethods = false)
class AuthenticationConfiguration implements WebMvcConfigurer {

	private final AccessTokenVerifier verifier;

	AuthenticationConfiguration(AccessTokenVerifier verifier) {
		this.verifier = verifier;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new AuthenticationInterceptor(this.verifier))
			.addPathPatterns("/user/**")
			.excludePathPatterns("/user/login");
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CallerArgumentResolver());
	}

}
