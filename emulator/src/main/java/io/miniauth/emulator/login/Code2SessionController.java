package io.miniauth.emulator.login;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.miniauth.emulator.api.WeChatEndpoint;
import io.miniauth.emulator.api.WeChatEndpointNames;
import io.miniauth.emulator.api.AppCredentials;
import io.miniauth.emulator.api.WeChatError;
import io.miniauth.emulator.api.WeChatResponses;
import io.miniauth.emulator.app.EmulatedApp;
import io.miniauth.emulator.app.EmulatedApps;
import io.miniauth.emulator.login.LoginCodes.Redemption;
import io.miniauth.emulator.user.SessionKeys;
import io.miniauth.emulator.user.WeChatIdentities;

import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /sns/jscode2session}: WeChat's {@code auth.code2Session}, which exchanges a
 * login code for the user's {@code openid} and {@code session_key}. Like WeChat it needs
 * no access token (and ignores one that is sent) and answers JSON as {@code text/plain}.
 * Calls beyond the user's minute quota answer 45011 and leave the code unspent.
 */
@RestController
class Code2SessionController {

	private final EmulatedApps apps;

	private final AppCredentials credentials;

	private final LoginCodes codes;

	private final SessionKeys sessionKeys;

	private final WeChatIdentities identities;

	private final WeChatResponses responses;

	private final MinuteQuota quota;

	Code2SessionController(EmulatedApps apps, AppCredentials credentials, LoginCodes codes, SessionKeys sessionKeys,
			WeChatIdentities identities, WeChatResponses responses, MinuteQuota quota) {
		this.apps = apps;
		this.credentials = credentials;
		this.codes = codes;
		this.quota = quota;
		this.sessionKeys = sessionKeys;
		this.identities = identities;
		this.responses = responses;
	}

	@GetMapping("/emulator/sns/jscode2session")
	@WeChatEndpoint(value = WeChatEndpointNames.JSCODE2SESSION, plainText = true)
	ResponseEntity<String> code2Session(@RequestParam(required = false) String appid,
			@RequestParam(required = false) String secret,
			@RequestParam(name = "js_code", required = false) String code,
			@RequestParam(name = "grant_type", required = false) String grantType) {
		return this.responses.jsonAsPlainText(answer(appid, secret, code, grantType));
	}

	private Object answer(String appid, String secret, String code, String grantType) {
		WeChatError refused = this.credentials.check(appid, secret, grantType, "authorization_code");
		if (refused != null) {
			return refused;
		}
		if (!StringUtils.hasText(code)) {
			return WeChatError.of(41008);
		}
		EmulatedApp app = this.apps.find(appid).orElseThrow();
		String holder = this.codes.holder(appid, code).orElse(null);
		if (holder == null) {
			return WeChatError.of(40029);
		}
		if (!this.quota.tryAcquire(appid, holder)) {
			return WeChatError.of(45011);
		}
		Redemption redemption = this.codes.redeem(appid, code);
		if (redemption instanceof Redemption.Redeemed redeemed) {
			// wx.login gives the user a key before it mints the code, and keys are never
			// forgotten
			String sessionKey = this.sessionKeys.current(appid, redeemed.openid())
				.orElseThrow(() -> new IllegalStateException("No session key for a redeemed login code"));
			return new Session(sessionKey, redeemed.openid(), this.identities.unionid(app, redeemed.user()));
		}
		if (redemption instanceof Redemption.Blocked) {
			return WeChatError.of(40226);
		}
		if (redemption instanceof Redemption.AlreadyUsed) {
			return WeChatError.of(40163);
		}
		return WeChatError.of(40029);
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Session(@JsonProperty("session_key") String sessionKey, String openid, String unionid) {
	}

}
