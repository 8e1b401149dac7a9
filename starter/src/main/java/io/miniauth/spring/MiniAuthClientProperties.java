package io.miniauth.spring;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a business backend reaches MiniAuth and checks its access tokens.
 *
 * @param baseUrl where MiniAuth answers, e.g. {@code http://miniauth:8080}; the JWKS, the
 * introspection endpoint and the revocation feed are found under it
 * @param jwksUri the JWKS, when it is not {@code <base-url>/.well-known/jwks.json}
 * @param issuer the {@code iss} that tokens must carry ({@code miniauth} unless
 * MiniAuth's {@code miniauth.token.issuer} says otherwise)
 * @param appid the appids whose tokens this backend accepts (the {@code aud} claim); at
 * least one
 * @param apiKey an operator API key of MiniAuth, for the revocation feed, introspection
 * and the admin client; never logged
 * @param revocation how ended sessions are noticed
 * @param feedInterval how often the revocation feed is read
 * @param feedStaleAfter how long without a successful read before the feed is reported
 * stale
 * @param protectedPaths without Spring Security: the paths whose requests need a valid
 * token
 * @param clockSkew how far a token's times may be off
 */
@ConfigurationProperties("miniauth.client")
public record MiniAuthClientProperties(URI baseUrl, URI jwksUri, String issuer, List<String> appid, String apiKey,
		Revocation revocation, Duration feedInterval, Duration feedStaleAfter, List<String> protectedPaths,
		Duration clockSkew) {

	public MiniAuthClientProperties {
		issuer = (issuer != null) ? issuer : "miniauth";
		appid = (appid != null) ? List.copyOf(appid) : List.of();
		revocation = (revocation != null) ? revocation : Revocation.FEED;
		feedInterval = (feedInterval != null) ? feedInterval : Duration.ofSeconds(1);
		feedStaleAfter = (feedStaleAfter != null) ? feedStaleAfter : Duration.ofSeconds(30);
		protectedPaths = (protectedPaths != null) ? List.copyOf(protectedPaths) : List.of("/**");
		clockSkew = (clockSkew != null) ? clockSkew : Duration.ofSeconds(60);
	}

	/**
	 * The JWKS location.
	 * @return the configured one, or the one under the base URL
	 */
	public URI effectiveJwksUri() {
		if (this.jwksUri != null) {
			return this.jwksUri;
		}
		return requireBaseUrl().resolve("/.well-known/jwks.json");
	}

	/**
	 * MiniAuth's base URL.
	 * @return the base URL
	 * @throws IllegalStateException when it is not configured
	 */
	public URI requireBaseUrl() {
		if (this.baseUrl == null) {
			throw new IllegalStateException("Set miniauth.client.base-url to where MiniAuth answers");
		}
		return this.baseUrl;
	}

	@Override
	public String toString() {
		// the API key is a secret
		return "MiniAuthClientProperties[baseUrl=" + this.baseUrl + ", issuer=" + this.issuer + ", appid=" + this.appid
				+ ", revocation=" + this.revocation + "]";
	}

	/** How ended sessions (logout, ban, deletion) are noticed. */
	public enum Revocation {

		/** A background reader of MiniAuth's revocation feed: no call per request. */
		FEED,

		/** One introspection call per request (RFC 7662): refused at once. */
		INTROSPECTION,

		/** Not at all: a token is valid until it expires. */
		NONE

	}

}
