package io.miniauth.spring.autoconfigure;

import java.time.Clock;
import java.util.List;

import io.miniauth.spring.webhook.MiniAuthWebhookReceiver;
import io.miniauth.spring.webhook.MiniAuthWebhookProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The webhook receiver, for a Spring MVC backend: a {@code POST} route at
 * {@code miniauth.webhooks.path} to {@link MiniAuthWebhookReceiver}, on once
 * {@code miniauth.webhooks.secrets} holds a secret, independent of token verification.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@Conditional(MiniAuthWebhookAutoConfiguration.SecretsConfigured.class)
@EnableConfigurationProperties(MiniAuthWebhookProperties.class)
public class MiniAuthWebhookAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MiniAuthWebhookReceiver miniAuthWebhookReceiver(MiniAuthWebhookProperties properties,
			ApplicationEventPublisher publisher, ObjectProvider<Clock> clock) {
		return new MiniAuthWebhookReceiver(properties, publisher, clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	RouterFunction<ServerResponse> miniAuthWebhookRoute(MiniAuthWebhookReceiver receiver,
			MiniAuthWebhookProperties properties) {
		return RouterFunctions.route().POST(properties.path(), receiver::receive).build();
	}

	/** Whether a secret is configured, as a comma-separated value or as a list. */
	static class SecretsConfigured extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			List<String> secrets = Binder.get(context.getEnvironment())
				.bind("miniauth.webhooks.secrets", Bindable.listOf(String.class))
				.orElse(List.of());
			return secrets.isEmpty() ? ConditionOutcome.noMatch("miniauth.webhooks.secrets is not set")
					: ConditionOutcome.match("miniauth.webhooks.secrets is set");
		}

	}

}
