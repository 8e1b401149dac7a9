package io.miniauth.spring.autoconfigure;

import java.util.List;

import io.miniauth.spring.MiniAuthClientProperties;
import io.miniauth.spring.web.MiniAuthAuthentication;
import io.miniauth.spring.web.MiniAuthInterceptor;
import io.miniauth.spring.web.MiniAuthProblemResolver;
import io.miniauth.spring.web.MiniAuthUserArgumentResolver;
import io.miniauth.spring.webhook.MiniAuthWebhookProperties;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring MVC: {@code @MiniAuthUser MiniAuthPrincipal} parameters, MiniAuth's 401 problem,
 * and, when Spring Security is not there, the interceptor that guards
 * {@code miniauth.client.protected-paths} (but not the webhook receiver's path).
 */
@AutoConfiguration(after = MiniAuthClientAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(WebMvcConfigurer.class)
@ConditionalOnBean(JwtDecoder.class)
public class MiniAuthWebMvcAutoConfiguration {

	@Bean
	MiniAuthAuthentication miniAuthAuthentication(JwtDecoder decoder) {
		return new MiniAuthAuthentication(decoder);
	}

	@Bean
	WebMvcConfigurer miniAuthUserArguments(MiniAuthAuthentication authentication) {
		return new WebMvcConfigurer() {

			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new MiniAuthUserArgumentResolver(authentication));
			}

			@Override
			public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
				resolvers.add(0, new MiniAuthProblemResolver());
			}

		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.security.web.SecurityFilterChain")
	static class WithoutSpringSecurity {

		@Bean
		WebMvcConfigurer miniAuthInterceptor(MiniAuthAuthentication authentication, MiniAuthClientProperties properties,
				ObjectProvider<MiniAuthWebhookProperties> webhooks) {
			return new WebMvcConfigurer() {

				@Override
				public void addInterceptors(InterceptorRegistry registry) {
					InterceptorRegistration registration = registry
						.addInterceptor(new MiniAuthInterceptor(authentication));
					registration.addPathPatterns(properties.protectedPaths())
						.excludePathPatterns("/error", "/actuator/**");
					// webhook deliveries carry a signature, not a token
					webhooks.ifAvailable((receiver) -> registration.excludePathPatterns(receiver.path()));
				}

			};
		}

	}

}
