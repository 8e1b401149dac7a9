package io.miniauth.spring.token;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import io.miniauth.spring.MiniAuthClientProperties;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.Assert;

/**
 * Builds the decoder of MiniAuth access tokens: ES256 signatures from MiniAuth's JWKS
 * (fetched again on an unknown {@code kid}, so key rotation is followed), then the
 * expiry, the issuer, the audience (one of the configured appids), the session claim and
 * the revocation check.
 */
public final class MiniAuthJwtDecoders {

	private MiniAuthJwtDecoders() {
	}

	/**
	 * A decoder for the configured MiniAuth.
	 * @param properties where MiniAuth is and which appids are accepted
	 * @param revocation how ended sessions are refused
	 * @param clock the time tokens are judged at
	 * @return the decoder
	 */
	public static NimbusJwtDecoder create(MiniAuthClientProperties properties, RevocationCheck revocation,
			Clock clock) {
		Assert.notEmpty(properties.appid(), "Set miniauth.client.appid to the appid(s) whose tokens are accepted");
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.effectiveJwksUri().toString())
			.jwsAlgorithm(SignatureAlgorithm.ES256)
			.build();
		decoder.setJwtValidator(validator(properties, revocation, clock));
		return decoder;
	}

	static OAuth2TokenValidator<Jwt> validator(MiniAuthClientProperties properties, RevocationCheck revocation,
			Clock clock) {
		JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
		timestamps.setClock(clock);
		List<String> appids = properties.appid();
		OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>("aud",
				(aud) -> aud != null && aud.stream().anyMatch(appids::contains));
		OAuth2TokenValidator<Jwt> session = new JwtClaimValidator<String>("sid", Objects::nonNull);
		OAuth2TokenValidator<Jwt> verified = new DelegatingOAuth2TokenValidator<>(timestamps,
				new JwtIssuerValidator(properties.issuer()), audience, session);
		// the revocation check runs last, and only on a token that is otherwise valid
		return (jwt) -> {
			OAuth2TokenValidatorResult result = verified.validate(jwt);
			if (result.hasErrors()) {
				return result;
			}
			return revocation.ended(jwt)
				.map((ended) -> OAuth2TokenValidatorResult.failure(new SessionEndedError(ended.reason())))
				.orElse(OAuth2TokenValidatorResult.success());
		};
	}

}
