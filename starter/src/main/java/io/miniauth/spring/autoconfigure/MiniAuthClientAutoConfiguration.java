package io.miniauth.spring.autoconfigure;

import java.time.Clock;
import java.util.Locale;

import io.miniauth.spring.MiniAuthClientProperties;
import io.miniauth.spring.admin.MiniAuthAdminClient;
import io.miniauth.spring.revocation.Introspection;
import io.miniauth.spring.revocation.RevocationFeed;
import io.miniauth.spring.revocation.RevokedSessions;
import io.miniauth.spring.token.MiniAuthJwtDecoders;
import io.miniauth.spring.token.RevocationCheck;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Verifies MiniAuth access tokens: a {@link JwtDecoder} (which Spring Security's resource
 * server uses when it is there), the revocation check chosen by
 * {@code miniauth.client.revocation}, and the admin client. Active once
 * {@code miniauth.client.base-url} is set.
 */
@AutoConfiguration(beforeName = {
		"org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration" })
@ConditionalOnProperty(prefix = "miniauth.client", name = "base-url")
@EnableConfigurationProperties(MiniAuthClientProperties.class)
public class MiniAuthClientAutoConfiguration {

	/** Ended sessions kept at most: a bound on memory whatever MiniAuth sends. */
	private static final int REVOKED_SESSIONS_CAPACITY = 1_000_000;

	private final MiniAuthClientProperties properties;

	private final Clock clock;

	MiniAuthClientAutoConfiguration(MiniAuthClientProperties properties, ObjectProvider<Clock> clock) {
		this.properties = properties;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Bean
	@ConditionalOnProperty(prefix = "miniauth.client", name = "revocation", havingValue = "feed", matchIfMissing = true)
	RevokedSessions miniAuthRevokedSessions() {
		return new RevokedSessions(REVOKED_SESSIONS_CAPACITY, this.clock);
	}

	@Bean
	@ConditionalOnProperty(prefix = "miniauth.client", name = "revocation", havingValue = "feed", matchIfMissing = true)
	RevocationFeed miniAuthRevocationFeed(RevokedSessions revoked, ObjectProvider<RestClient.Builder> builder) {
		return new RevocationFeed(adminRestClient(builder), revoked, this.properties.feedInterval(),
				this.properties.feedStaleAfter(), this.clock);
	}

	@Bean
	@ConditionalOnMissingBean(JwtDecoder.class)
	JwtDecoder miniAuthJwtDecoder(ObjectProvider<RevokedSessions> revoked, ObjectProvider<RestClient.Builder> builder) {
		RevocationCheck check = switch (this.properties.revocation()) {
			case FEED -> revoked.getObject();
			case INTROSPECTION -> new Introspection(adminRestClient(builder));
			case NONE -> RevocationCheck.NONE;
		};
		return MiniAuthJwtDecoders.create(this.properties, check, this.clock);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(prefix = "miniauth.client", name = "api-key")
	MiniAuthAdminClient miniAuthAdminClient(ObjectProvider<RestClient.Builder> builder) {
		return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(adminRestClient(builder)))
			.build()
			.createClient(MiniAuthAdminClient.class);
	}

	private RestClient adminRestClient(ObjectProvider<RestClient.Builder> builder) {
		if (!StringUtils.hasText(this.properties.apiKey())) {
			throw new IllegalStateException("miniauth.client.revocation="
					+ this.properties.revocation().name().toLowerCase(java.util.Locale.ROOT)
					+ " needs miniauth.client.api-key (an operator API key of MiniAuth); or set "
					+ "miniauth.client.revocation=none to accept tokens until they expire");
		}
		return RevocationFeed.client(builder.getIfAvailable(RestClient::builder),
				this.properties.requireBaseUrl().toString(), this.properties.apiKey());
	}

}
