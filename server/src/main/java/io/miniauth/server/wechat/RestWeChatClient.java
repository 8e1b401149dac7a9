package io.miniauth.server.wechat;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.miniauth.server.app.MiniApp;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link WeChatClient} over Spring's {@link RestClient}.
 * <p>
 * WeChat answers errors with HTTP 200 and a JSON {@code errcode}, sometimes under a
 * {@code text/plain} content type, so the body is always read as text and parsed as JSON
 * here. A busy answer ({@code -1}) or a failed connection is tried once more after a
 * short random pause; nothing waits longer than that. Neither the app secret, nor the
 * login code, nor the session_key is ever logged or put in an exception message: the
 * request URL carries the first two, so transport exceptions are not chained either.
 */
public final class RestWeChatClient implements WeChatClient {

	private static final Log logger = LogFactory.getLog(RestWeChatClient.class);

	private final RestClient restClient;

	private final WeChatBaseUrl baseUrl;

	private final JsonMapper jsonMapper;

	private final Duration retryPause;

	/**
	 * @param restClient the HTTP client, with its timeouts set
	 * @param baseUrl where WeChat is
	 * @param jsonMapper reads WeChat's answers
	 * @param retryPause the longest pause before the one retry (the pause is random up to
	 * this, so that retries do not arrive together)
	 */
	public RestWeChatClient(RestClient restClient, WeChatBaseUrl baseUrl, JsonMapper jsonMapper, Duration retryPause) {
		Assert.notNull(restClient, "restClient cannot be null");
		Assert.notNull(baseUrl, "baseUrl cannot be null");
		Assert.notNull(jsonMapper, "jsonMapper cannot be null");
		Assert.notNull(retryPause, "retryPause cannot be null");
		this.restClient = restClient;
		this.baseUrl = baseUrl;
		this.jsonMapper = jsonMapper;
		this.retryPause = retryPause;
	}

	@Override
	public WeChatSession code2Session(MiniApp app, String code) {
		Assert.notNull(app, "app cannot be null");
		Assert.hasText(code, "code cannot be empty");
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
		Code2SessionAnswer answer = read(get(uri), Code2SessionAnswer.class);
		int errcode = (answer.errcode() != null) ? answer.errcode() : 0;
		if (errcode == 0 && StringUtils.hasText(answer.openid()) && StringUtils.hasText(answer.sessionKey())) {
			return new WeChatSession(answer.openid(), answer.sessionKey(), answer.unionid());
		}
		throw failure(app, errcode, answer.errmsg());
	}

	private String get(URI uri) {
		try {
			String body = this.restClient.get().uri(uri).retrieve().body(String.class);
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

	private <T> T read(String body, Class<T> type) {
		try {
			return this.jsonMapper.readValue(body, type);
		}
		catch (JacksonException ex) {
			throw new WeChatUnavailableException("unreadable answer", 0);
		}
	}

	private WeChatException failure(MiniApp app, int errcode, String errmsg) {
		return switch (errcode) {
			case 40029 -> new InvalidCodeException();
			case 40163 -> new CodeAlreadyUsedException();
			case 40226 -> new LoginBlockedException();
			case 45011 -> new WeChatRateLimitedException();
			case -1 -> new WeChatUnavailableException("WeChat is busy (errcode -1)", -1);
			case 0 -> new WeChatUnavailableException("answer without openid or session_key", 0);
			case 40001, 40002, 40013, 40125, 40164, 40243, 41002, 41004 -> {
				logger.error("WeChat rejected the credentials of app " + app.appid() + ": errcode " + errcode + " ("
						+ errmsg + "). Check miniauth.apps and the WeChat base URL.");
				yield new WeChatMisconfiguredException(errcode);
			}
			default -> {
				logger.warn("WeChat code2Session for app " + app.appid() + " answered errcode " + errcode + " ("
						+ errmsg + ")");
				yield new WeChatRejectedException(errcode);
			}
		};
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

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Code2SessionAnswer(String openid, @JsonProperty("session_key") String sessionKey, String unionid,
			Integer errcode, String errmsg) {
	}

}
