package io.miniauth.emulator.login;

import io.miniauth.emulator.api.EmulatedAppResolver;
import io.miniauth.emulator.app.EmulatedApp;
import io.miniauth.emulator.user.SessionKeys;
import io.miniauth.emulator.user.UserActivity;
import io.miniauth.emulator.user.WeChatIdentities;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /emulator/wx/login}: what {@code wx.login()} does on a phone. It mints a
 * one-time login code for the named user and, as WeChat does, gives that user a fresh
 * {@code session_key} (unless the key is younger than the configured minimum rotation
 * period). It also counts as the user's visit, which content security checks.
 */
@RestController
class WxLoginController {

	private final EmulatedAppResolver appResolver;

	private final LoginCodes codes;

	private final SessionKeys sessionKeys;

	private final WeChatIdentities identities;

	private final UserActivity activity;

	WxLoginController(EmulatedAppResolver appResolver, LoginCodes codes, SessionKeys sessionKeys,
			WeChatIdentities identities, UserActivity activity) {
		this.appResolver = appResolver;
		this.codes = codes;
		this.sessionKeys = sessionKeys;
		this.identities = identities;
		this.activity = activity;
	}

	@PostMapping("/emulator/wx/login")
	LoginCode login(@Valid @RequestBody WxLoginRequest request) {
		EmulatedApp app = this.appResolver.resolve(request.appid());
		String openid = this.identities.openid(app, request.user());
		this.sessionKeys.rotateOnLogin(app.appid(), openid);
		this.activity.visited(app.appid(), openid);
		return new LoginCode(this.codes.mint(app.appid(), openid, request.user(), Boolean.TRUE.equals(request.risky())),
				openid);
	}

	/**
	 * What the phone asks for.
	 *
	 * @param user the person's handle
	 * @param appid the app, or empty for the default one
	 * @param risky {@code true} to have WeChat's risk control block this login (40226)
	 */
	record WxLoginRequest(@NotBlank @Size(max = 64) String user, String appid, Boolean risky) {
	}

	record LoginCode(String code, String openid) {
	}

}
