package io.miniauth.server.userdata;

import io.miniauth.server.app.MiniApp;
import io.miniauth.server.app.MiniApps;
import io.miniauth.server.audit.AuthEventType;
import io.miniauth.server.audit.AuthEvents;
import io.miniauth.server.config.MiniAuthProperties;
import io.miniauth.server.problem.InvalidRequestException;
import io.miniauth.server.problem.MiniAuthException;
import io.miniauth.server.ratelimit.RateLimiter;
import io.miniauth.server.token.Caller;
import io.miniauth.server.user.CurrentUser;
import io.miniauth.server.user.PhoneBindings;
import io.miniauth.server.user.SessionKeys;
import io.miniauth.server.user.User;
import io.miniauth.server.web.ClientAddress;
import io.miniauth.server.web.ClientInfo;
import io.miniauth.server.wechat.PhoneNumber;
import io.miniauth.server.wechat.WeChatClient;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The user's WeChat data: phone number binding, decryption of encrypted open data, and
 * whether the stored session_key is still valid. The session_key is used here and never
 * leaves the service.
 */
@RestController
class UserDataController {

	private final CurrentUser currentUser;

	private final MiniApps apps;

	private final WeChatClient weChat;

	private final JsonMapper json;

	private final AuthEvents events;

	private final ClientAddress clientAddress;

	private final RateLimiter rateLimiter;

	private final MiniAuthProperties.RateLimit budgets;

	private final PhoneBindings phoneBindings;

	UserDataController(CurrentUser currentUser, MiniApps apps, WeChatClient weChat, JsonMapper json,
			RateLimiter rateLimiter, AuthEvents events, ClientAddress clientAddress, MiniAuthProperties properties,
			PhoneBindings phoneBindings) {
		this.phoneBindings = phoneBindings;
		this.events = events;
		this.clientAddress = clientAddress;
		this.rateLimiter = rateLimiter;
		this.budgets = properties.rateLimit();
		this.currentUser = currentUser;
		this.apps = apps;
		this.weChat = weChat;
		this.json = json;
	}

	@PostMapping(path = "/user/phone", consumes = MediaType.APPLICATION_JSON_VALUE)
	PhoneView bindPhone(Caller caller, @Valid @RequestBody PhoneRequest request, HttpServletRequest http) {
		ClientInfo client = ClientInfo.of(http, this.clientAddress);
		try {
			this.rateLimiter.consume("phone-user", caller.userId(), this.budgets.phonePerUser());
			User user = this.currentUser.of(caller);
			MiniApp app = this.apps.resolve(user.appid());
			PhoneNumber phone = this.weChat.phoneNumber(app, user.openid(), request.code().strip());
			if (!app.appid().equals(phone.watermarkAppid())) {
				throw UserDataException.watermarkMismatch();
			}
			User.Phone bound = new User.Phone(phone.phoneNumber(), phone.purePhoneNumber(), phone.countryCode());
			this.phoneBindings.bind(app, user, bound, caller.sessionId(), client);
			this.events.record(AuthEventType.PHONE_BOUND, "ok", null, user.appid(), user.id(), caller.sessionId(),
					client);
			return new PhoneView(bound.phoneNumber(), bound.purePhoneNumber(), bound.countryCode());
		}
		catch (MiniAuthException ex) {
			this.events.recordFailure(AuthEventType.PHONE_BOUND, ex, caller.appid(), caller.userId(),
					caller.sessionId(), client);
			throw ex;
		}
	}

	@PostMapping(path = "/user/decrypt", consumes = MediaType.APPLICATION_JSON_VALUE)
	JsonNode decrypt(Caller caller, @Valid @RequestBody DecryptRequest request) {
		if ((request.rawData() == null) != (request.signature() == null)) {
			throw new InvalidRequestException("invalid.raw-data-without-signature",
					"rawData and signature go together: send both or neither");
		}
		this.rateLimiter.consume("decrypt-user", caller.userId(), this.budgets.decryptPerUser());
		SessionKeys keys = this.currentUser.sessionKeys(caller);
		String sessionKey = keys.current().orElseThrow(UserDataException::sessionKeyStale);
		JsonNode data = EncryptedData.decrypt(sessionKey, keys::previous, request.encryptedData(), request.iv(),
				keys.appid(), this.json);
		if (request.rawData() != null) {
			EncryptedData.checkSignature(request.rawData(), request.signature(), sessionKey);
			EncryptedData.checkHoldsRawData(data, request.rawData(), this.json);
		}
		return data;
	}

	@GetMapping("/user/session-key/status")
	SessionKeyStatus sessionKeyStatus(Caller caller) {
		this.rateLimiter.consume("session-key-user", caller.userId(), this.budgets.sessionKeyCheckPerUser());
		SessionKeys keys = this.currentUser.sessionKeys(caller);
		boolean valid = keys.current()
			.map((sessionKey) -> this.weChat.checkSessionKey(this.apps.resolve(keys.appid()), keys.openid(),
					sessionKey))
			.orElse(false);
		return new SessionKeyStatus(valid);
	}

	record PhoneRequest(@NotBlank @Size(max = 128) String code) {

		@Override
		public String toString() {
			return "PhoneRequest[code=******]";
		}

	}

	record PhoneView(String phoneNumber, String purePhoneNumber, String countryCode) {
	}

	record DecryptRequest(@NotBlank @Size(max = 8192) String encryptedData, @NotBlank @Size(max = 64) String iv,
			@Size(max = 8192) String rawData, @Size(max = 64) String signature) {
	}

	record SessionKeyStatus(boolean valid) {
	}

}
