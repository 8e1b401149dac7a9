package io.miniauth.emulator.crypto;

import java.util.Map;

import io.miniauth.emulator.api.EmulatedAppResolver;
import io.miniauth.emulator.api.EmulatorControlException;
import io.miniauth.emulator.app.EmulatedApp;
import io.miniauth.emulator.crypto.OpenDataSealer.SealedData;
import io.miniauth.emulator.user.SessionKeys;
import io.miniauth.emulator.user.WeChatIdentities;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /emulator/wx/encrypted-data}: what a phone's open-data APIs (legacy
 * {@code getUserInfo}, {@code getPhoneNumber}, {@code getShareInfo}...) hand a mini
 * program, sealed with the user's current {@code session_key}. The user must have logged
 * in first, since that is what gives them a key.
 */
@RestController
class EncryptedDataController {

	private final EmulatedAppResolver appResolver;

	private final WeChatIdentities identities;

	private final SessionKeys sessionKeys;

	private final OpenDataSealer sealer;

	EncryptedDataController(EmulatedAppResolver appResolver, WeChatIdentities identities, SessionKeys sessionKeys,
			OpenDataSealer sealer) {
		this.appResolver = appResolver;
		this.identities = identities;
		this.sessionKeys = sessionKeys;
		this.sealer = sealer;
	}

	@PostMapping("/emulator/wx/encrypted-data")
	SealedData encryptedData(@Valid @RequestBody EncryptedDataRequest request) {
		EmulatedApp app = this.appResolver.resolve(request.appid());
		String openid = this.identities.openid(app, request.user());
		String sessionKey = this.sessionKeys.current(app.appid(), openid)
			.orElseThrow(() -> new EmulatorControlException(HttpStatus.CONFLICT, "NO_SESSION",
					"The user has no session_key yet: log them in with /emulator/wx/login first"));
		return this.sealer.seal(app.appid(), sessionKey, request.data());
	}

	/**
	 * What the phone asks for.
	 *
	 * @param user the person's handle
	 * @param appid the app, or empty for the default one
	 * @param data the open data to seal
	 */
	record EncryptedDataRequest(@NotBlank @Size(max = 64) String user, String appid,
			@NotNull Map<String, Object> data) {
	}

}
