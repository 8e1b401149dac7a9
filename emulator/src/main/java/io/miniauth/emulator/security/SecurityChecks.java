package io.miniauth.emulator.security;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

import io.miniauth.emulator.api.WeChatError;
import io.miniauth.emulator.token.AccessTokens;
import io.miniauth.emulator.token.TokenCheck;
import io.miniauth.emulator.user.UserActivity;
import io.miniauth.emulator.user.UserActivity.Visit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * The rules that {@code msg_sec_check} and {@code media_check_async} share: version 2, a
 * scene from 1 to 4, and the openid of a user of the calling app who opened it within the
 * active window.
 */
final class SecurityChecks {

	private final UserActivity activity;

	private final ContentSecuritySettings settings;

	private final Clock clock;

	private final AccessTokens tokens;

	private final JsonMapper jsonMapper;

	SecurityChecks(UserActivity activity, ContentSecuritySettings settings, Clock clock, AccessTokens tokens,
			JsonMapper jsonMapper) {
		Assert.notNull(tokens, "tokens cannot be null");
		Assert.notNull(jsonMapper, "jsonMapper cannot be null");
		this.tokens = tokens;
		this.jsonMapper = jsonMapper;
		Assert.notNull(activity, "activity cannot be null");
		Assert.notNull(settings, "settings cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.activity = activity;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Checks a call's access token and reads its JSON body.
	 * @param <T> the body's type
	 * @param accessToken the {@code access_token} sent
	 * @param body the body sent
	 * @param type the body's type
	 * @return the app and the body, or the error to answer: the token's, 44002 for no
	 * body, 47001 for one that is not the JSON expected
	 */
	<T> Call<T> accept(String accessToken, String body, Class<T> type) {
		TokenCheck check = this.tokens.check(accessToken);
		if (check instanceof TokenCheck.Rejected rejected) {
			return new Call.Refused<>(rejected.error());
		}
		if (!StringUtils.hasText(body)) {
			return new Call.Refused<>(WeChatError.of(44002));
		}
		try {
			return new Call.Accepted<>(((TokenCheck.Valid) check).appid(), this.jsonMapper.readValue(body, type));
		}
		catch (JacksonException ex) {
			return new Call.Refused<>(WeChatError.of(47001));
		}
	}

	/**
	 * Checks a v2 call.
	 * @param appid the app of the call's access token
	 * @param version the version sent
	 * @param scene the scene sent
	 * @param openid the openid sent
	 * @return the error to answer, or {@code null} when the call may go on
	 */
	WeChatError refusal(String appid, Integer version, Integer scene, String openid) {
		if (version == null || version != 2) {
			return WeChatError.of(47001);
		}
		if (scene == null || scene < 1 || scene > 4) {
			return WeChatError.of(40129);
		}
		if (!StringUtils.hasText(openid)) {
			return WeChatError.of(44002);
		}
		Visit visit = this.activity.lastVisit(openid).orElse(null);
		if (visit == null) {
			return WeChatError.of(40003);
		}
		if (!visit.appid().equals(appid)) {
			return WeChatError.of(43104);
		}
		if (!this.clock.instant().isBefore(visit.at().plus(this.settings.activeWindow()))) {
			return WeChatError.of(61010);
		}
		return null;
	}

	/**
	 * A trace id in the {@code 8-8-8} hex shape WeChat answers.
	 * @return the id
	 */
	static String traceId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return String.format("%08x-%08x-%08x", random.nextInt(), random.nextInt(), random.nextInt());
	}

	/**
	 * A call whose token and body were checked.
	 *
	 * @param <T> the body's type
	 */
	sealed interface Call<T> {

		/** Refused with an error to answer. */
		record Refused<T>(WeChatError error) implements Call<T> {
		}

		/** Accepted: the token's app and the body. */
		record Accepted<T>(String appid, T request) implements Call<T> {
		}

	}

}
