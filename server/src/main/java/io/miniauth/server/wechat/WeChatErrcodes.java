package io.miniauth.server.wechat;

import java.util.Set;

import io.miniauth.server.app.MiniApp;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.JsonNode;

/**
 * What each WeChat {@code errcode} means, per API, as the typed exception to throw. Each
 * errcode is counted once, and a misconfiguration is also told to the operator's log.
 * <p>
 * An answer with no errcode (or {@code 0}) but without the expected fields is treated as
 * WeChat not answering properly.
 */
final class WeChatErrcodes {

	private static final Log logger = LogFactory.getLog(WeChatErrcodes.class);

	/** The errcodes that mean the app's credentials or the base URL are wrong. */
	private static final Set<Integer> MISCONFIGURED = Set.of(40002, 40013, 40125, 40164, 40243, 41002, 41004);

	private final WeChatMeters meters;

	WeChatErrcodes(WeChatMeters meters) {
		this.meters = meters;
	}

	/**
	 * {@code /sns/jscode2session}'s errors: the login code's own, then a rejected secret
	 * ({@code 40001}, which here cannot be an access token), then the shared ones.
	 */
	WeChatException code2Session(MiniApp app, JsonNode answer) {
		int errcode = errcode(answer);
		return switch (errcode) {
			case 40029 -> counted("jscode2session", errcode, new InvalidCodeException());
			case 40163 -> counted("jscode2session", errcode, new CodeAlreadyUsedException());
			case 40226 -> counted("jscode2session", errcode, new LoginBlockedException());
			case 40001 -> misconfigured(app, "code2Session", answer);
			case 0 -> new WeChatUnavailableException("answer without openid or session_key", 0);
			default -> shared(app, "code2Session", answer);
		};
	}

	/**
	 * {@code getuserphonenumber}'s errors. {@code 40003} (the code is not the named
	 * user's) and {@code 40013} (it was minted for another app) come from the client, so
	 * they are its error, never the operator's configuration alarm.
	 */
	WeChatException phoneNumber(MiniApp app, JsonNode answer) {
		int errcode = errcode(answer);
		return switch (errcode) {
			case 40029, 40003, 40013 -> counted("getuserphonenumber", errcode, new InvalidPhoneCodeException());
			case 0 -> new WeChatUnavailableException("answer without phone_info", 0);
			default -> shared(app, "getuserphonenumber", answer);
		};
	}

	/**
	 * Content security's errors ({@code msg_sec_check}, {@code media_check_async}):
	 * {@code 61010} means the user has not used the mini program lately.
	 */
	WeChatException contentSecurity(MiniApp app, String api, JsonNode answer) {
		int errcode = errcode(answer);
		return switch (errcode) {
			case 61010 -> counted(api, errcode, new UserNotRecentlyActiveException());
			case 0 -> new WeChatUnavailableException("answer without a result", 0);
			default -> shared(app, api, answer);
		};
	}

	/**
	 * {@code /cgi-bin/stable_token}'s errors: {@code 40001} means a wrong secret.
	 */
	WeChatException stableToken(MiniApp app, JsonNode answer) {
		return switch (errcode(answer)) {
			case 40001 -> misconfigured(app, "stable_token", answer);
			case 0 -> new WeChatUnavailableException("token answer without access_token", 0);
			default -> shared(app, "stable_token", answer);
		};
	}

	/**
	 * The errors every WeChat API shares: busy, rate limited, out of daily quota, a
	 * refused access token, wrong credentials, and the rest as a rejection.
	 */
	WeChatException shared(MiniApp app, String api, JsonNode answer) {
		int errcode = errcode(answer);
		if (MISCONFIGURED.contains(errcode)) {
			return misconfigured(app, api, answer);
		}
		this.meters.countError(api, errcode);
		return switch (errcode) {
			case -1 -> new WeChatUnavailableException("WeChat is busy (errcode -1)", -1);
			case 45011 -> new WeChatRateLimitedException();
			case 45009 -> new WeChatUnavailableException("daily quota reached (errcode 45009)", 45009);
			case 40001, 40014, 42001 -> new AccessTokenRejectedException(errcode);
			default -> {
				logger.warn("WeChat " + api + " for app " + app.appid() + " answered errcode " + errcode + " ("
						+ errmsg(answer) + ")");
				yield new WeChatRejectedException(errcode);
			}
		};
	}

	static int errcode(JsonNode answer) {
		return answer.path("errcode").asInt(0);
	}

	private WeChatException counted(String api, int errcode, WeChatException ex) {
		this.meters.countError(api, errcode);
		return ex;
	}

	private WeChatMisconfiguredException misconfigured(MiniApp app, String api, JsonNode answer) {
		int errcode = errcode(answer);
		this.meters.countError(api, errcode);
		logger.error("WeChat " + api + " rejected the credentials of app " + app.appid() + ": errcode " + errcode + " ("
				+ errmsg(answer) + "). Check miniauth.apps and the WeChat base URL.");
		return new WeChatMisconfiguredException(errcode);
	}

	private static String errmsg(JsonNode answer) {
		return answer.path("errmsg").asString("");
	}

}
