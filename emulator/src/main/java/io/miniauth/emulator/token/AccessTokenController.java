package io.miniauth.emulator.token;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.miniauth.emulator.api.WeChatEndpoint;
import io.miniauth.emulator.api.WeChatEndpointNames;
import io.miniauth.emulator.api.WeChatError;
import io.miniauth.emulator.api.WeChatResponses;
import io.miniauth.emulator.api.AppCredentials;
import io.miniauth.emulator.token.AccessTokens.Grant;
import io.miniauth.emulator.token.AccessTokens.StableGrant;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * WeChat's two token endpoints: {@code GET /cgi-bin/token} and
 * {@code POST /cgi-bin/stable_token}. Successes leave out {@code errcode}, as WeChat's
 * do.
 */
@RestController
class AccessTokenController {

	private static final String CLIENT_CREDENTIAL = "client_credential";

	private final AppCredentials credentials;

	private final AccessTokens tokens;

	private final WeChatResponses responses;

	private final JsonMapper jsonMapper;

	AccessTokenController(AppCredentials credentials, AccessTokens tokens, WeChatResponses responses,
			JsonMapper jsonMapper) {
		this.credentials = credentials;
		this.tokens = tokens;
		this.responses = responses;
		this.jsonMapper = jsonMapper;
	}

	@GetMapping("/emulator/cgi-bin/token")
	@WeChatEndpoint(WeChatEndpointNames.TOKEN)
	ResponseEntity<String> token(@RequestParam(name = "grant_type", required = false) String grantType,
			@RequestParam(required = false) String appid, @RequestParam(required = false) String secret) {
		WeChatError error = this.credentials.check(appid, secret, grantType, CLIENT_CREDENTIAL);
		return this.responses.json((error != null) ? error : AccessToken.of(this.tokens.issue(appid)));
	}

	@PostMapping("/emulator/cgi-bin/stable_token")
	@WeChatEndpoint(WeChatEndpointNames.STABLE_TOKEN)
	ResponseEntity<String> stableToken(@RequestBody(required = false) String body) {
		return this.responses.json(stableAnswer(body));
	}

	@RequestMapping(path = "/emulator/cgi-bin/stable_token",
			method = { RequestMethod.GET, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE })
	@WeChatEndpoint(WeChatEndpointNames.STABLE_TOKEN)
	ResponseEntity<String> stableTokenNotPosted() {
		return this.responses.json(WeChatError.of(43002));
	}

	private Object stableAnswer(String body) {
		if (!StringUtils.hasText(body)) {
			return WeChatError.of(44002);
		}
		StableTokenRequest request = parse(body);
		if (request == null) {
			return WeChatError.of(47001);
		}
		WeChatError error = this.credentials.check(request.appid(), request.secret(), request.grantType(),
				CLIENT_CREDENTIAL);
		if (error != null) {
			return error;
		}
		StableGrant grant = this.tokens.stable(request.appid(), Boolean.TRUE.equals(request.forceRefresh()));
		if (grant instanceof StableGrant.Granted granted) {
			return AccessToken.of(granted.grant());
		}
		return WeChatError.of(45009);
	}

	private StableTokenRequest parse(String body) {
		try {
			return this.jsonMapper.readValue(body, StableTokenRequest.class);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record StableTokenRequest(@JsonProperty("grant_type") String grantType, String appid, String secret,
			@JsonProperty("force_refresh") Boolean forceRefresh) {
	}

	record AccessToken(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") long expiresIn) {

		static AccessToken of(Grant grant) {
			return new AccessToken(grant.accessToken(), grant.expiresIn());
		}

	}

}
