package io.miniauth.emulator.phone;

import io.miniauth.emulator.api.EmulatedAppResolver;
import io.miniauth.emulator.app.EmulatedApp;
import io.miniauth.emulator.user.WeChatIdentities;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /emulator/wx/phone-code}: what the user's tap on a {@code getPhoneNumber}
 * button does on a phone. It mints a one-time phone code for the named user; the number
 * defaults to one derived from the user's handle.
 */
@RestController
class PhoneCodeController {

	private final EmulatedAppResolver appResolver;

	private final PhoneCodes codes;

	private final WeChatIdentities identities;

	PhoneCodeController(EmulatedAppResolver appResolver, PhoneCodes codes, WeChatIdentities identities) {
		this.appResolver = appResolver;
		this.codes = codes;
		this.identities = identities;
	}

	@PostMapping("/emulator/wx/phone-code")
	PhoneCode phoneCode(@Valid @RequestBody PhoneCodeRequest request) {
		EmulatedApp app = this.appResolver.resolve(request.appid());
		String openid = this.identities.openid(app, request.user());
		PhoneNumber derived = PhoneNumber.derivedFrom(request.user());
		PhoneNumber number = new PhoneNumber(
				(request.phoneNumber() != null) ? request.phoneNumber() : derived.purePhoneNumber(),
				(request.countryCode() != null) ? request.countryCode() : PhoneNumber.CHINA);
		return new PhoneCode(this.codes.mint(app.appid(), openid, number));
	}

	/**
	 * What the phone asks for.
	 *
	 * @param user the person's handle
	 * @param appid the app, or empty for the default one
	 * @param phoneNumber the number without country code, or empty for the derived one
	 * @param countryCode the country code without {@code +}, or empty for {@code 86}
	 */
	record PhoneCodeRequest(@NotBlank @Size(max = 64) String user, String appid,
			@Pattern(regexp = "[0-9]{4,15}") String phoneNumber, @Pattern(regexp = "[0-9]{1,4}") String countryCode) {
	}

	record PhoneCode(String code) {
	}

}
