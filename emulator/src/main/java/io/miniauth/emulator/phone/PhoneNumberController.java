package io.miniauth.emulator.phone;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.miniauth.emulator.api.WeChatEndpoint;
import io.miniauth.emulator.api.WeChatEndpointNames;
import io.miniauth.emulator.api.WeChatError;
import io.miniauth.emulator.api.WeChatResponses;
import io.miniauth.emulator.phone.PhoneCodes.Redemption;
import io.miniauth.emulator.token.AccessTokens;
import io.miniauth.emulator.token.TokenCheck;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /wxa/business/getuserphonenumber}: exchanges a phone code for the user's
 * number. The access token goes in the query string, the code in a JSON body.
 */
@RestController
class PhoneNumberController {

	private final AccessTokens tokens;

	private final PhoneCodes codes;

	private final WeChatResponses responses;

	private final JsonMapper jsonMapper;

	PhoneNumberController(AccessTokens tokens, PhoneCodes codes, WeChatResponses responses, JsonMapper jsonMapper) {
		this.tokens = tokens;
		this.codes = codes;
		this.responses = responses;
		this.jsonMapper = jsonMapper;
	}

	@PostMapping("/emulator/wxa/business/getuserphonenumber")
	@WeChatEndpoint(WeChatEndpointNames.GETUSERPHONENUMBER)
	ResponseEntity<String> phoneNumber(@RequestParam(name = "access_token", required = false) String accessToken,
			@RequestBody(required = false) String body) {
		return this.responses.json(answer(accessToken, body));
	}

	private Object answer(String accessToken, String body) {
		TokenCheck check = this.tokens.check(accessToken);
		if (check instanceof TokenCheck.Rejected rejected) {
			return rejected.error();
		}
		String appid = ((TokenCheck.Valid) check).appid();
		PhoneNumberRequest request = parse(body);
		if (request == null) {
			return WeChatError.of(47001);
		}
		String openid = StringUtils.hasText(request.openid()) ? request.openid() : null;
		Redemption redemption = this.codes.redeem(appid, request.code(), openid);
		if (redemption instanceof Redemption.Redeemed redeemed) {
			PhoneNumber number = redeemed.phoneNumber();
			return new PhoneNumberResponse(0, "ok", new PhoneInfo(number.phoneNumber(), number.purePhoneNumber(),
					number.countryCode(), new Watermark(redeemed.redeemedAt().getEpochSecond(), appid)));
		}
		if (redemption instanceof Redemption.OtherApp) {
			return WeChatError.of(40013);
		}
		if (redemption instanceof Redemption.OtherUser) {
			return WeChatError.of(40003);
		}
		return WeChatError.of(40029);
	}

	private PhoneNumberRequest parse(String body) {
		if (!StringUtils.hasText(body)) {
			return null;
		}
		try {
			return this.jsonMapper.readValue(body, PhoneNumberRequest.class);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record PhoneNumberRequest(String code, String openid) {
	}

	record PhoneNumberResponse(int errcode, String errmsg, @JsonProperty("phone_info") PhoneInfo phoneInfo) {
	}

	record PhoneInfo(String phoneNumber, String purePhoneNumber, String countryCode, Watermark watermark) {
	}

	record Watermark(long timestamp, String appid) {
	}

}
