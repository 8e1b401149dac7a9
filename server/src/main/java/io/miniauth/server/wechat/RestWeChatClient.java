package io.miniauth.server.wechat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.miniauth.server.app.MiniApp;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link WeChatClient} over Spring's {@link RestClient}.
 * <p>
 * WeChat answers errors with HTTP 200 and a JSON {@code errcode}, sometimes under a
 * {@code text/plain} content type, so the body is always read as text and parsed as JSON
 * here. For code2Session, a busy answer ({@code -1}) or a failed connection is tried once
 * more after a short random pause; nothing waits longer than that. The phone number and
 * checksession calls are not tried again. Neither the app secret, nor the login code, nor
 * the session_key is ever logged or put in an exception message: the request URL carries
 * the first two, so transport exceptions are not chained either.
 */
public final class RestWeChatClient implements WeChatClient {

	private static final Log logger = LogFactory.getLog(RestWeChatClient.class);

	/** The errcodes that mean the app's credentials or the base URL are wrong. */
	private static final Set<Integer> MISCONFIGURED = Set.of(40002, 40013, 40125, 40164, 40243, 41002, 41004);

	private final RestClient restClient;

	private final WeChatBaseUrl baseUrl;

	private final JsonMapper jsonMapper;

	private final Duration retryPause;

	private final WeChatAccessTokens accessTokens;

	private final Clock clock;

	private final WeChatCircuitBreakers breakers;

	private final MeterRegistry meters;

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
		this.restClient = restClient;
		this.baseUrl = baseUrl;
		this.jsonMapper = jsonMapper;
		this.retryPause = retryPause;
		this.accessTokens = accessTokens;
		this.clock = clock;
		this.breakers = breakers;
		this.meters = meters;
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
		JsonNode answer = read(get("jscode2session", uri));
		int errcode = answer.path("errcode").asInt(0);
		String openid = answer.path("openid").asString("");
		String sessionKey = answer.path("session_key").asString("");
		if (errcode == 0 && !openid.isEmpty() && !sessionKey.isEmpty()) {
			return new WeChatSession(openid, sessionKey, answer.path("unionid").asString(null));
		}
		if (errcode == 40029 || errcode == 40163 || errcode == 40226) {
			// the other errcodes are counted where they are mapped
			countError("jscode2session", errcode);
		}
		throw switch (errcode) {
			case 40029 -> new InvalidCodeException();
			case 40163 -> new CodeAlreadyUsedException();
			case 40226 -> new LoginBlockedException();
			case 40001 -> misconfigured(app, "code2Session", answer);
			case 0 -> new WeChatUnavailableException("answer without openid or session_key", 0);
			default -> failure(app, "code2Session", answer);
		};
	}

	@Override
	public PhoneNumber phoneNumber(MiniApp app, String openid, String code) {
		Assert.notNull(app, "app cannot be null");
		Assert.hasText(code, "code cannot be empty");
		return this.breakers.call(app, () -> withAccessToken(app, (accessToken) -> {
			URI uri = UriComponentsBuilder.fromUri(this.baseUrl.get())
				.path("/wxa/business/getuserphonenumber")
				.queryParam("access_token", "{token}")
				.encode()
				.buildAndExpand(accessToken)
				.toUri();
			// naming the openid makes WeChat check that the code is this user's
			JsonNode answer = read(post("getuserphonenumber", uri, Map.of("code", code, "openid", openid)));
			int errcode = answer.path("errcode").asInt(0);
			JsonNode info = answer.path("phone_info");
			if (errcode == 0 && info.isObject()) {
				return new PhoneNumber(info.path("phoneNumber").asString(null),
						info.path("purePhoneNumber").asString(null), info.path("countryCode").asString(null),
						info.path("watermark").path("appid").asString(null));
			}
			if (errcode == 40029 || errcode == 40003 || errcode == 40013) {
				countError("getuserphonenumber", errcode);
			}
			throw switch (errcode) {
				// 40003: the code is not the named user's; 40013: it was minted for
				// another
				// app. Both come from the client, so they are its error, never the
				// operator's configuration alarm.
				case 40029, 40003, 40013 -> new InvalidPhoneCodeException();
				case 0 -> new WeChatUnavailableException("answer without phone_info", 0);
				default -> failure(app, "getuserphonenumber", answer);
			};
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
			JsonNode answer = read(get("checksession", uri));
			int errcode = answer.path("errcode").asInt(0);
			if (errcode == 0) {
				return true;
			}
			if (errcode == 87009) {
				return false;
			}
			throw failure(app, "checksession", answer);
		}));
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
		JsonNode answer = read(post("stable_token", uri, Map.of("grant_type", "client_credential", "appid", app.appid(),
				"secret", app.secret(), "force_refresh", false)));
		String token = answer.path("access_token").asString("");
		long expiresIn = answer.path("expires_in").asLong(0);
		if (answer.path("errcode").asInt(0) == 0 && !token.isEmpty() && expiresIn > 0) {
			return new WeChatAccessToken(token, this.clock.instant().plusSeconds(expiresIn));
		}
		int errcode = answer.path("errcode").asInt(0);
		throw switch (errcode) {
			case 40001 -> misconfigured(app, "stable_token", answer);
			case 0 -> new WeChatUnavailableException("token answer without access_token", 0);
			default -> failure(app, "stable_token", answer);
		};
	}

	private String get(String api, URI uri) {
		return exchange(api, () -> this.restClient.get().uri(uri).retrieve().body(String.class));
	}

	private String post(String api, URI uri, Object body) {
		return exchange(api,
				() -> this.restClient.post()
					.uri(uri)
					.contentType(MediaType.APPLICATION_JSON)
					.body(this.jsonMapper.writeValueAsString(body))
					.retrieve()
					.body(String.class));
	}

	private String exchange(String api, Supplier<String> call) {
		long started = System.nanoTime();
		String outcome = "answered";
		try {
			return exchangeOnce(call);
		}
		catch (RuntimeException ex) {
			outcome = "failed";
			throw ex;
		}
		finally {
			this.meters.timer("miniauth.wechat.calls", "api", api, "outcome", outcome)
				.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		}
	}

	private String exchangeOnce(Supplier<String> call) {
		try {
			String body = call.get();
			if (body == null) {
				throw new WeChatUnavailableException("empty answer", 0);
			}
			return body;
		}
		catch (ResourceAccessException ex) {
			throw new WeChatUnavailableException("no answer: " + rootCauseName(ex), 0);
		}
		catch (RestClientException ex) {
			throw new WeChatUnavailableException("unexpected answer: " + ex.getClass().getSimpleName(), 0);
		}
	}

	private JsonNode read(String body) {
		try {
			JsonNode node = this.jsonMapper.readTree(body);
			if (node == null || !node.isObject()) {
				throw new WeChatUnavailableException("unreadable answer", 0);
			}
			return node;
		}
		catch (JacksonException ex) {
			throw new WeChatUnavailableException("unreadable answer", 0);
		}
	}

	/**
	 * The errors every WeChat API shares.
	 */
	private WeChatException failure(MiniApp app, String api, JsonNode answer) {
		int errcode = answer.path("errcode").asInt(0);
		if (!MISCONFIGURED.contains(errcode)) {
			// a misconfiguration is counted where it is reported, once
			countError(api, errcode);
		}
		return switch (errcode) {
			case -1 -> new WeChatUnavailableException("WeChat is busy (errcode -1)", -1);
			case 45011 -> new WeChatRateLimitedException();
			case 45009 -> new WeChatUnavailableException("daily quota reached (errcode 45009)", 45009);
			case 40001, 40014, 42001 -> new AccessTokenRejectedException(errcode);
			case 40002, 40013, 40125, 40164, 40243, 41002, 41004 -> misconfigured(app, api, answer);
			default -> {
				logger.warn("WeChat " + api + " for app " + app.appid() + " answered errcode " + errcode + " ("
						+ answer.path("errmsg").asString("") + ")");
				yield new WeChatRejectedException(errcode);
			}
		};
	}

	private void countError(String api, int errcode) {
		this.meters.counter("miniauth.wechat.errors", "api", api, "errcode", Integer.toString(errcode)).increment();
	}

	private WeChatMisconfiguredException misconfigured(MiniApp app, String api, JsonNode answer) {
		int errcode = answer.path("errcode").asInt(0);
		countError(api, errcode);
		logger.error("WeChat " + api + " rejected the credentials of app " + app.appid() + ": errcode " + errcode + " ("
				+ answer.path("errmsg").asString("") + "). Check miniauth.apps and the WeChat base URL.");
		return new WeChatMisconfiguredException(errcode);
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

	private static String rootCauseName(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName();
	}

}
