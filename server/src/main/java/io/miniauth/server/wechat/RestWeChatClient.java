package io.miniauth.server.wechat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import io.miniauth.server.app.MiniApp;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link WeChatClient} over Spring's {@link RestClient}: the API calls, each through the
 * app's circuit breaker, over a {@link WeChatTransport}, with WeChat's errcodes read by
 * {@link WeChatErrcodes} and the calls counted by {@link WeChatMeters}.
 * <p>
 * For code2Session, a busy answer ({@code -1}) or a failed connection is tried once more
 * after a short random pause; nothing waits longer than that. The phone number,
 * checksession and content security calls are not tried again, except once with a renewed
 * access token when WeChat refuses the token. Neither the app secret, nor the login code,
 * nor the session_key is ever logged or put in an exception message.
 */
public final class RestWeChatClient implements WeChatClient {

	private static final Log logger = LogFactory.getLog(RestWeChatClient.class);

	/** Content security's scene for profile data (nickname, signature, avatar). */
	private static final int PROFILE_SCENE = 1;

	/** {@code media_check_async}'s media type for images. */
	private static final int IMAGE = 2;

	private static final Set<String> KNOWN_SUGGESTS = Set.of("pass", "review", "risky");

	private final WeChatTransport transport;

	private final WeChatErrcodes errcodes;

	private final WeChatMeters meters;

	private final WeChatBaseUrl baseUrl;

	private final Duration retryPause;

	private final WeChatAccessTokens accessTokens;

	private final Clock clock;

	private final WeChatCircuitBreakers breakers;

	/**
	 * @param restClient the HTTP client, with its timeouts set
	 * @param baseUrl where WeChat is
	 * @param jsonMapper reads WeChat's answers
	 * @param retryPause the longest pause before the one retry (the pause is random up to
	 * this, so that retries do not arrive together)
	 * @param accessTokens keeps the apps' access tokens
	 * @param clock the clock that access token expiry is read against
	 * @param breakers the apps' circuit breakers
	 * @param meters where call latency and errors are counted
	 */
	public RestWeChatClient(RestClient restClient, WeChatBaseUrl baseUrl, JsonMapper jsonMapper, Duration retryPause,
			WeChatAccessTokens accessTokens, Clock clock, WeChatCircuitBreakers breakers, MeterRegistry meters) {
		Assert.notNull(restClient, "restClient cannot be null");
		Assert.notNull(baseUrl, "baseUrl cannot be null");
		Assert.notNull(jsonMapper, "jsonMapper cannot be null");
		Assert.notNull(retryPause, "retryPause cannot be null");
		Assert.notNull(accessTokens, "accessTokens cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		Assert.notNull(breakers, "breakers cannot be null");
		Assert.notNull(meters, "meters cannot be null");
		this.meters = new WeChatMeters(meters);
		this.transport = new WeChatTransport(restClient, jsonMapper, this.meters);
		this.errcodes = new WeChatErrcodes(this.meters);
		this.baseUrl = baseUrl;
		this.retryPause = retryPause;
		this.accessTokens = accessTokens;
		this.clock = clock;
		this.breakers = breakers;
	}

	@Override
	public WeChatSession code2Session(MiniApp app, String code) {
		Assert.notNull(app, "app cannot be null");
		Assert.hasText(code, "code cannot be empty");
		return this.breakers.call(app, () -> code2SessionWithRetry(app, code));
	}

	private WeChatSession code2SessionWithRetry(MiniApp app, String code) {
		try {
			return code2SessionOnce(app, code);
		}
		catch (WeChatUnavailableException first) {
			logger.warn("WeChat code2Session for app " + app.appid() + " failed (" + first.reason()
					+ "); trying once more");
			pauseBeforeRetry();
			try {
				return code2SessionOnce(app, code);
			}
			catch (CodeAlreadyUsedException ex) {
				// The first attempt may have reached WeChat, which then spent the code:
				// report the original failure, not the user's mistake.
				throw first;
			}
		}
	}

	private WeChatSession code2SessionOnce(MiniApp app, String code) {
		// values go in as URI variables so that encode() escapes every reserved character
		URI uri = UriComponentsBuilder.fromUri(this.baseUrl.get())
			.path("/sns/jscode2session")
			.queryParam("appid", "{appid}")
			.queryParam("secret", "{secret}")
			.queryParam("js_code", "{code}")
			.queryParam("grant_type", "authorization_code")
			.encode()
			.buildAndExpand(app.appid(), app.secret(), code)
			.toUri();
		JsonNode answer = this.transport.get("jscode2session", uri);
		String openid = answer.path("openid").asString("");
		String sessionKey = answer.path("session_key").asString("");
		if (WeChatErrcodes.errcode(answer) == 0 && !openid.isEmpty() && !sessionKey.isEmpty()) {
			return new WeChatSession(openid, sessionKey, answer.path("unionid").asString(null));
		}
		throw this.errcodes.code2Session(app, answer);
	}

	@Override
	public PhoneNumber phoneNumber(MiniApp app, String openid, String code) {
		Assert.notNull(app, "app cannot be null");
		Assert.hasText(code, "code cannot be empty");
		return this.breakers.call(app, () -> withAccessToken(app, (accessToken) -> {
			// naming the openid makes WeChat check that the code is this user's
			JsonNode answer = this.transport.post("getuserphonenumber",
					withToken("/wxa/business/getuserphonenumber", accessToken), Map.of("code", code, "openid", openid));
			JsonNode info = answer.path("phone_info");
			if (WeChatErrcodes.errcode(answer) == 0 && info.isObject()) {
				this.meters.countPaidCall(app, "getuserphonenumber");
				return new PhoneNumber(info.path("phoneNumber").asString(null),
						info.path("purePhoneNumber").asString(null), info.path("countryCode").asString(null),
						info.path("watermark").path("appid").asString(null));
			}
			throw this.errcodes.phoneNumber(app, answer);
		}));
	}

	@Override
	public boolean checkSessionKey(MiniApp app, String openid, String sessionKey) {
		Assert.notNull(app, "app cannot be null");
		Assert.hasText(sessionKey, "sessionKey cannot be empty");
		String signature = SessionKeySignature.of(sessionKey);
		return this.breakers.call(app, () -> withAccessToken(app, (accessToken) -> {
			URI uri = UriComponentsBuilder.fromUri(this.baseUrl.get())
				.path("/wxa/checksession")
				.queryParam("access_token", "{token}")
				.queryParam("signature", "{signature}")
				.queryParam("openid", "{openid}")
				.queryParam("sig_method", "hmac_sha256")
				.encode()
				.buildAndExpand(accessToken, signature, openid)
				.toUri();
			JsonNode answer = this.transport.get("checksession", uri);
			int errcode = WeChatErrcodes.errcode(answer);
			if (errcode == 0) {
				return true;
			}
			if (errcode == 87009) {
				return false;
			}
			throw this.errcodes.shared(app, "checksession", answer);
		}));
	}

	@Override
	public ContentVerdict checkText(MiniApp app, String openid, String content) {
		Assert.notNull(app, "app cannot be null");
		Assert.hasText(openid, "openid cannot be empty");
		Assert.hasText(content, "content cannot be empty");
		return this.breakers.call(app, () -> withAccessToken(app, (accessToken) -> {
			JsonNode answer = this.transport.post("msg_sec_check", withToken("/wxa/msg_sec_check", accessToken),
					Map.of("content", content, "version", 2, "scene", PROFILE_SCENE, "openid", openid));
			String suggest = answer.path("result").path("suggest").asString("");
			if (WeChatErrcodes.errcode(answer) == 0 && KNOWN_SUGGESTS.contains(suggest)) {
				return new ContentVerdict(ContentVerdict.Suggest.of(suggest),
						answer.path("result").path("label").asInt(0), answer.path("trace_id").asString(null));
			}
			throw this.errcodes.contentSecurity(app, "msg_sec_check", answer);
		}));
	}

	@Override
	public String checkImageAsync(MiniApp app, String openid, String mediaUrl) {
		Assert.notNull(app, "app cannot be null");
		Assert.hasText(openid, "openid cannot be empty");
		Assert.hasText(mediaUrl, "mediaUrl cannot be empty");
		return this.breakers.call(app, () -> withAccessToken(app, (accessToken) -> {
			JsonNode answer = this.transport.post("media_check_async", withToken("/wxa/media_check_async", accessToken),
					Map.of("media_url", mediaUrl, "media_type", IMAGE, "version", 2, "scene", PROFILE_SCENE, "openid",
							openid));
			String traceId = answer.path("trace_id").asString("");
			if (WeChatErrcodes.errcode(answer) == 0 && !traceId.isEmpty()) {
				return traceId;
			}
			throw this.errcodes.contentSecurity(app, "media_check_async", answer);
		}));
	}

	private URI withToken(String path, String accessToken) {
		return UriComponentsBuilder.fromUri(this.baseUrl.get())
			.path(path)
			.queryParam("access_token", "{token}")
			.encode()
			.buildAndExpand(accessToken)
			.toUri();
	}

	/**
	 * Runs a call that needs the app's access token; when WeChat refuses the token,
	 * renews it once and runs the call once more.
	 */
	private <T> T withAccessToken(MiniApp app, Function<String, T> call) {
		String accessToken = this.accessTokens.get(app, this::fetchStableToken);
		try {
			return call.apply(accessToken);
		}
		catch (AccessTokenRejectedException ex) {
			return call.apply(this.accessTokens.renew(app, accessToken, this::fetchStableToken));
		}
	}

	/**
	 * Fetches the app's token from {@code /cgi-bin/stable_token}, which hands every
	 * caller the same token while it is valid, so that instances never knock out each
	 * other's tokens the way {@code /cgi-bin/token} does.
	 */
	private WeChatAccessToken fetchStableToken(MiniApp app) {
		URI uri = UriComponentsBuilder.fromUri(this.baseUrl.get()).path("/cgi-bin/stable_token").build().toUri();
		JsonNode answer = this.transport.post("stable_token", uri, Map.of("grant_type", "client_credential", "appid",
				app.appid(), "secret", app.secret(), "force_refresh", false));
		String token = answer.path("access_token").asString("");
		long expiresIn = answer.path("expires_in").asLong(0);
		if (WeChatErrcodes.errcode(answer) == 0 && !token.isEmpty() && expiresIn > 0) {
			return new WeChatAccessToken(token, this.clock.instant().plusSeconds(expiresIn));
		}
		throw this.errcodes.stableToken(app, answer);
	}

	private void pauseBeforeRetry() {
		long maxMillis = this.retryPause.toMillis();
		if (maxMillis <= 0) {
			return;
		}
		try {
			TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextLong(maxMillis / 2, maxMillis + 1));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
