package io.miniauth.emulator.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.miniauth.emulator.api.WeChatEndpoint;
import io.miniauth.emulator.api.WeChatEndpointNames;
import io.miniauth.emulator.api.WeChatError;
import io.miniauth.emulator.api.WeChatResponses;
import io.miniauth.emulator.crypto.SessionKeySignature;
import io.miniauth.emulator.token.AccessTokens;
import io.miniauth.emulator.token.TokenCheck;
import io.miniauth.emulator.user.SessionKeys;

import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /wxa/checksession} and {@code GET /wxa/resetusersessionkey}: the server-side
 * check of a user's {@code session_key}, and its replacement. Both carry the access token
 * and a signature made with the user's current key over the empty string.
 */
@RestController
class SessionKeyController {

	private static final String EMPTY_MESSAGE = "";

	private final AccessTokens tokens;

	private final SessionKeys sessionKeys;

	private final WeChatResponses responses;

	SessionKeyController(AccessTokens tokens, SessionKeys sessionKeys, WeChatResponses responses) {
		this.tokens = tokens;
		this.sessionKeys = sessionKeys;
		this.responses = responses;
	}

	@GetMapping("/emulator/wxa/checksession")
	@WeChatEndpoint(WeChatEndpointNames.CHECKSESSION)
	ResponseEntity<String> checkSession(@RequestParam(name = "access_token", required = false) String accessToken,
			@RequestParam(required = false) String openid, @RequestParam(required = false) String signature,
			@RequestParam(name = "sig_method", required = false) String sigMethod) {
		Object verified = verify(accessToken, openid, signature, sigMethod);
		return this.responses.json((verified instanceof WeChatError error) ? error : new WeChatError(0, "ok"));
	}

	@GetMapping("/emulator/wxa/resetusersessionkey")
	@WeChatEndpoint(WeChatEndpointNames.RESETUSERSESSIONKEY)
	ResponseEntity<String> resetSessionKey(@RequestParam(name = "access_token", required = false) String accessToken,
			@RequestParam(required = false) String openid, @RequestParam(required = false) String signature,
			@RequestParam(name = "sig_method", required = false) String sigMethod) {
		Object verified = verify(accessToken, openid, signature, sigMethod);
		if (verified instanceof Verified user) {
			return this.responses
				.json(new ResetResponse(0, "ok", openid, this.sessionKeys.reset(user.appid(), user.openid())));
		}
		return this.responses.json(verified);
	}

	/**
	 * Checks the call.
	 * @return a {@link Verified} user or a {@link WeChatError}
	 */
	private Object verify(String accessToken, String openid, String signature, String sigMethod) {
		TokenCheck check = this.tokens.check(accessToken);
		if (check instanceof TokenCheck.Rejected rejected) {
			return rejected.error();
		}
		if (!SessionKeySignature.METHOD.equals(sigMethod)) {
			return WeChatError.of(87008);
		}
		String appid = ((TokenCheck.Valid) check).appid();
		String sessionKey = StringUtils.hasText(openid) ? this.sessionKeys.current(appid, openid).orElse(null) : null;
		if (sessionKey == null || !SessionKeySignature.verify(sessionKey, EMPTY_MESSAGE, signature)) {
			return WeChatError.of(87009);
		}
		return new Verified(appid, openid);
	}

	private record Verified(String appid, String openid) {
	}

	record ResetResponse(int errcode, String errmsg, String openid, @JsonProperty("session_key") String sessionKey) {
	}

}
