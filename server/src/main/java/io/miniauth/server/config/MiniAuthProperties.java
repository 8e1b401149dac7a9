package io.miniauth.server.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * MiniAuth's settings, under the {@code miniauth.} prefix (environment variables such as
 * {@code MINIAUTH_APPS_0_SECRET} work too).
 *
 * @param dataDir where the embedded database and generated files live
 * @param apps the mini programs served; none means the built-in demo app
 * @param wechat how WeChat is reached
 * @param token access token settings
 * @param emulator the built-in WeChat emulator
 * @param web HTTP limits
 * @param session session limits
 * @param login login behaviour
 * @param security keys that protect secrets at rest
 * @param rateLimit request budgets
 * @param audit the authentication event trail
 * @param contentSecurity how profile texts and avatars are checked with WeChat
 * @param webhooks the endpoints told of user and session events
 */
@Validated
@ConfigurationProperties("miniauth")
public record MiniAuthProperties(@NotNull @DefaultValue("./data") Path dataDir, @Valid List<App> apps,
		@Valid @DefaultValue WeChat wechat, @Valid @DefaultValue Token token, @DefaultValue Emulator emulator,
		@Valid @DefaultValue Web web, @Valid @DefaultValue Session session, @Valid @DefaultValue Login login,
		@DefaultValue Security security, @Valid @DefaultValue RateLimit rateLimit, @Valid @DefaultValue Audit audit,
		@Valid @DefaultValue Crypto crypto, @NotNull @DefaultValue ContentSecurity contentSecurity,
		@Valid @DefaultValue Webhooks webhooks) {

	public MiniAuthProperties {
		apps = (apps != null) ? List.copyOf(apps) : List.of();
	}

	/**
	 * A mini program.
	 *
	 * @param appid its appid
	 * @param secret its app secret
	 * @param openPlatform the open-platform account it is bound to, if any
	 * @param linkByPhone which other apps' users with the same phone number are reported
	 * as the same person
	 * @param phoneRebind whether a phone number bound to another user of this app moves
	 * to the user who binds it now (otherwise that is refused with 409 PHONE_IN_USE)
	 * @param contentSecurity whether this app's profile writes are checked with WeChat
	 */
	public record App(@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,32}") String appid, @NotBlank String secret,
			String openPlatform, @DefaultValue("none") LinkByPhone linkByPhone,
			@DefaultValue("false") boolean phoneRebind, @DefaultValue AppContentSecurity contentSecurity) {

		@Override
		public String toString() {
			return "App[appid=" + this.appid + ", secret=******, openPlatform=" + this.openPlatform + "]";
		}

	}

	/**
	 * Which users of other apps that have the same phone number count as the same person.
	 */
	public enum LinkByPhone {

		/** None: a phone number links nobody. */
		NONE,

		/** Users of the apps bound to the same open-platform account. */
		SAME_OPEN_PLATFORM,

		/** Users of every app this service serves. */
		ALL_APPS

	}

	/**
	 * @param enabled whether the app's nicknames, signatures and avatars are checked
	 */
	public record AppContentSecurity(@DefaultValue("true") boolean enabled) {
	}

	/**
	 * @param onUnavailable what a profile write does when WeChat cannot check it:
	 * {@code allow} stores it unchecked (and records an event), {@code refuse} answers
	 * 503
	 */
	public record ContentSecurity(@DefaultValue("allow") OnUnavailable onUnavailable) {

		/** What to do with content WeChat could not check. */
		public enum OnUnavailable {

			/** Store it unchecked, and record an event. */
			ALLOW,

			/** Refuse the write with 503. */
			REFUSE

		}

	}

	/**
	 * @param baseUrl WeChat's API base URL; unset means the embedded emulator when it is
	 * on, {@code https://api.weixin.qq.com} otherwise
	 * @param connectTimeout connect timeout for calls to WeChat
	 * @param readTimeout read timeout for calls to WeChat
	 * @param circuitBreakerMinimumCalls how many calls to an app's WeChat must have been
	 * made before the outage rate is judged, over the last 20 calls or this many if more
	 * (the breaker opens at 50% outages)
	 * @param circuitBreakerOpenFor how long an open breaker answers at once with 503
	 * before trying WeChat again
	 */
	public record WeChat(URI baseUrl, @NotNull @DefaultValue("2s") Duration connectTimeout,
			@NotNull @DefaultValue("5s") Duration readTimeout,
			@Min(1) @DefaultValue("10") int circuitBreakerMinimumCalls,
			@NotNull @DefaultValue("10s") Duration circuitBreakerOpenFor) {
	}

	/**
	 * @param issuer the {@code iss} claim of access tokens
	 * @param lifetime how long an access token is valid
	 * @param refreshLifetime how long a refresh token is valid (each refresh starts
	 * anew); at least the lifetime
	 * @param refreshReuseInterval how long a used refresh token still answers with its
	 * successor instead of counting as a replay
	 * @param keyRotationPeriod how often a new signing key is introduced
	 */
	public record Token(@NotBlank @DefaultValue("miniauth") String issuer,
			@NotNull @DefaultValue("2h") Duration lifetime, @NotNull @DefaultValue("30d") Duration refreshLifetime,
			@NotNull @DefaultValue("10s") Duration refreshReuseInterval,
			@NotNull @DefaultValue("30d") Duration keyRotationPeriod) {

		public Token {
			if (lifetime != null && (lifetime.isNegative() || lifetime.isZero())) {
				throw new IllegalArgumentException("miniauth.token.lifetime must be positive");
			}
			if (lifetime != null && refreshLifetime != null && refreshLifetime.compareTo(lifetime) < 0) {
				throw new IllegalArgumentException("miniauth.token.refresh-lifetime must be at least "
						+ "miniauth.token.lifetime: a session ends when its refresh token expires, and its access "
						+ "tokens would be refused before their time");
			}
			if (keyRotationPeriod != null && (keyRotationPeriod.compareTo(Duration.ofHours(1)) < 0
					|| keyRotationPeriod.compareTo(Duration.ofDays(3650)) > 0)) {
				throw new IllegalArgumentException("miniauth.token.key-rotation-period must be between 1h and 3650d: "
						+ "each key is published 10 minutes before it signs and stays in the JWKS for a token "
						+ "lifetime after it is replaced, so shorter periods only grow the JWKS");
			}
		}

	}

	/**
	 * @param maxPerUser the most active sessions a user may have; the oldest is ended
	 * when a login would exceed it
	 * @param maxLifetime how long a session may last from its login, however often it is
	 * refreshed
	 * @param idleTimeout how long a session may go without a request or a refresh before
	 * it ends
	 */
	public record Session(@Min(1) @DefaultValue("10") int maxPerUser,
			@NotNull @DefaultValue("90d") Duration maxLifetime, @NotNull @DefaultValue("30d") Duration idleTimeout) {

		public Session {
			if (maxLifetime != null && (maxLifetime.isNegative() || maxLifetime.isZero())) {
				throw new IllegalArgumentException("miniauth.session.max-lifetime must be positive");
			}
			if (idleTimeout != null && (idleTimeout.isNegative() || idleTimeout.isZero())) {
				throw new IllegalArgumentException("miniauth.session.idle-timeout must be positive");
			}
		}

	}

	/**
	 * @param idempotencyWindow how long a repeat of a successfully exchanged code gets
	 * the same user and session instead of an error
	 */
	public record Login(@NotNull @DefaultValue("30s") Duration idempotencyWindow) {
	}

	/**
	 * @param keyEncryptionKey 32 bytes in Base64; seals private keys and session keys at
	 * rest. Required when real apps are configured.
	 */
	public record Security(String keyEncryptionKey) {

		@Override
		public String toString() {
			return "Security[keyEncryptionKey=******]";
		}

	}

	/**
	 * @param enabled {@code true} or {@code false}; unset means on exactly when no app is
	 * configured
	 */
	public record Emulator(Boolean enabled) {
	}

	/**
	 * @param maxRequestBody the largest request body accepted
	 * @param trustedProxies addresses or CIDR ranges of the proxies whose
	 * {@code X-Forwarded-For} is believed; from any other peer the header is ignored
	 * @param defaultLocale the language of messages for a request whose
	 * {@code Accept-Language} names neither Chinese nor English, or that has none
	 * @param messages the operator's own message bundles, such as
	 * {@code file:/etc/miniauth/messages} (for {@code messages_zh_CN.properties} and
	 * {@code messages_en.properties} there): their phrases take the place of the built-in
	 * ones with the same key
	 */
	public record Web(@NotNull @DefaultValue("16KB") DataSize maxRequestBody, List<String> trustedProxies,
			@NotNull @DefaultValue("zh-CN") Locale defaultLocale, List<String> messages) {

		public Web {
			trustedProxies = (trustedProxies != null) ? List.copyOf(trustedProxies) : List.of();
			messages = (messages != null) ? List.copyOf(messages) : List.of();
		}

	}

	/**
	 * @param retention how long authentication events are kept
	 */
	public record Audit(@NotNull @DefaultValue("180d") Duration retention) {
	}

	/**
	 * Budgets, each written {@code <requests>/<period>} such as {@code 60/1m}.
	 *
	 * @param enabled whether budgets are enforced
	 * @param loginPerIp logins per client address
	 * @param loginPerApp logins per app, all users together
	 * @param refreshPerSession refreshes per session
	 * @param phonePerUser phone bindings per user
	 * @param profilePerUser profile updates per user
	 * @param decryptPerUser decryptions per user
	 * @param sessionKeyCheckPerUser session key checks per user (each is a WeChat call)
	 * @param refreshInvalidPerIp refreshes with an unknown or expired refresh token per
	 * client address; once spent, every refresh from there is refused until it refills
	 * @param ipv6Prefix how many leading bits of an IPv6 address make the network that
	 * the per-address budgets count together (one IPv6 customer usually has a /64)
	 */
	public record RateLimit(@DefaultValue("true") boolean enabled, @NotNull @DefaultValue("60/1m") Budget loginPerIp,
			@NotNull @DefaultValue("12000/1m") Budget loginPerApp,
			@NotNull @DefaultValue("30/1m") Budget refreshPerSession,
			@NotNull @DefaultValue("10/1m") Budget phonePerUser, @NotNull @DefaultValue("30/1m") Budget profilePerUser,
			@NotNull @DefaultValue("60/1m") Budget decryptPerUser,
			@NotNull @DefaultValue("10/1m") Budget sessionKeyCheckPerUser,
			@NotNull @DefaultValue("20/1m") Budget refreshInvalidPerIp,
			@Min(32) @Max(128) @DefaultValue("64") int ipv6Prefix,
			@NotNull @DefaultValue("60000/1m") Budget introspectPerIp) {
	}

	/**
	 * @param provider which JCA provider signs access tokens and seals secrets:
	 * {@code auto} (Amazon Corretto Crypto Provider where it loads, Linux on x86-64,
	 * otherwise the JDK's) or {@code jdk}
	 */
	public record Crypto(@NotNull @DefaultValue("auto") Provider provider) {

		/** A choice of JCA provider. */
		public enum Provider {

			/** The native provider where it loads, otherwise the JDK's. */
			AUTO,

			/** The JDK's own providers. */
			JDK

		}

	}

	/**
	 * Webhooks: each event is written in the transaction of the change, then delivered to
	 * every endpoint that subscribes to it, at least once.
	 *
	 * @param endpoints where events are delivered
	 * @param timeout how long one delivery may take (connecting and answering)
	 * @param retryFor how long a delivery is retried after its event, before it is given
	 * up
	 * @param firstRetryAfter the wait before the first retry; each retry waits twice as
	 * long (with jitter), up to {@code maxRetryAfter}
	 * @param maxRetryAfter the longest wait between two attempts
	 * @param pollInterval how often each instance looks for due deliveries
	 * @param batchSize how many deliveries an instance claims at once
	 * @param lease how long a claimed delivery stays with the instance that claimed it
	 * before another instance may take it over
	 * @param retention how long events and their delivery log are kept
	 * @param emulatorInspector in demo mode with no endpoint configured, whether events
	 * go to the embedded emulator's webhook inspector
	 */
	public record Webhooks(@Valid List<WebhookEndpoint> endpoints, @NotNull @DefaultValue("5s") Duration timeout,
			@NotNull @DefaultValue("24h") Duration retryFor, @NotNull @DefaultValue("5s") Duration firstRetryAfter,
			@NotNull @DefaultValue("1h") Duration maxRetryAfter, @NotNull @DefaultValue("1s") Duration pollInterval,
			@Min(1) @DefaultValue("50") int batchSize, @NotNull @DefaultValue("1m") Duration lease,
			@NotNull @DefaultValue("30d") Duration retention, @DefaultValue("true") boolean emulatorInspector) {

		public Webhooks {
			endpoints = (endpoints != null) ? List.copyOf(endpoints) : List.of();
		}

	}

	/**
	 * An endpoint that receives webhooks.
	 *
	 * @param name how the delivery log names it; {@code endpoint-<index>} when unset
	 * @param url where events are POSTed: {@code https}, or loopback {@code http} in demo
	 * mode
	 * @param secret the signing secret, {@code whsec_<base64>}
	 * @param previousSecret the secret being replaced, which also signs while receivers
	 * move to the new one
	 * @param events the event types delivered ({@code user.created}, ...); empty means
	 * all
	 */
	public record WebhookEndpoint(@Pattern(regexp = "[A-Za-z0-9_.-]{1,64}") String name, @NotNull URI url,
			@NotBlank String secret, String previousSecret, List<String> events) {

		public WebhookEndpoint {
			events = (events != null) ? List.copyOf(events) : List.of();
		}

		@Override
		public String toString() {
			return "WebhookEndpoint[name=" + this.name + ", url=" + this.url + ", secret=******, events=" + this.events
					+ "]";
		}

	}

}
