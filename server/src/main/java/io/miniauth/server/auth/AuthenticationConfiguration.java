package io.miniauth.server.auth;

import java.util.List;

import io.miniauth.server.session.Sessions;
import io.miniauth.server.token.AccessTokenVerifier;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every {@code /user/**} endpoint needs an access token, except the login and the
 * refresh, which bring their own credentials.
 */
@Configuration(proxyBeanMethods = false)
class AuthenticationConfiguration implements WebMvcConfigurer {

	private final AccessTokenVerifier verifier;

	private final Sessions sessions;

	AuthenticationConfiguration(AccessTokenVerifier verifier, Sessions sessions) {
		this.verifier = verifier;
		this.sessions = sessions;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new AuthenticationInterceptor(this.verifier, this.sessions))
			.addPathPatterns("/user/**")
			.excludePathPatterns("/user/login", "/user/token/refresh");
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CallerArgumentResolver());
	}

}
