package io.miniauth.emulator.security;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.miniauth.emulator.api.WeChatEndpoint;
import io.miniauth.emulator.api.WeChatEndpointNames;
import io.miniauth.emulator.api.WeChatError;
import io.miniauth.emulator.api.WeChatResponses;

import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /wxa/media_check_async}: WeChat's image and audio check. It answers at once
 * with a {@code trace_id}; the verdict, decided by the URL, comes later as a
 * {@code wxa_media_check} push carrying that id.
 */
@RestController
class MediaCheckAsyncController {

	private static final int AUDIO = 1;

	private static final int IMAGE = 2;

	private final SecurityChecks checks;

	private final ContentRules rules;

	private final MediaChecks mediaChecks;

	private final WeChatResponses responses;

	MediaCheckAsyncController(SecurityChecks checks, ContentRules rules, MediaChecks mediaChecks,
			WeChatResponses responses) {
		this.checks = checks;
		this.rules = rules;
		this.mediaChecks = mediaChecks;
		this.responses = responses;
	}

	@PostMapping("/emulator/wxa/media_check_async")
	@WeChatEndpoint(WeChatEndpointNames.MEDIA_CHECK_ASYNC)
	ResponseEntity<String> mediaCheckAsync(@RequestParam(name = "access_token", required = false) String accessToken,
			@RequestBody(required = false) String body) {
		return this.responses.json(answer(accessToken, body));
	}

	private Object answer(String accessToken, String body) {
		SecurityChecks.Call<MediaCheckRequest> call = this.checks.accept(accessToken, body, MediaCheckRequest.class);
		if (call instanceof SecurityChecks.Call.Refused<MediaCheckRequest> refused) {
			return refused.error();
		}
		SecurityChecks.Call.Accepted<MediaCheckRequest> accepted = (SecurityChecks.Call.Accepted<MediaCheckRequest>) call;
		String appid = accepted.appid();
		MediaCheckRequest request = accepted.request();
		if (!StringUtils.hasText(request.mediaUrl())) {
			return WeChatError.of(44002);
		}
		if (request.mediaType() == null || (request.mediaType() != AUDIO && request.mediaType() != IMAGE)) {
			return WeChatError.of(47001);
		}
		WeChatError refused = this.checks.refusal(appid, request.version(), request.scene(), request.openid());
		if (refused != null) {
			return refused;
		}
		String traceId = SecurityChecks.traceId();
		this.mediaChecks.submit(appid, request.openid(), traceId, request.mediaUrl(),
				this.rules.judgeMedia(request.mediaUrl()));
		return new MediaCheckResponse(0, "ok", traceId);
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record MediaCheckRequest(@JsonProperty("media_url") String mediaUrl, @JsonProperty("media_type") Integer mediaType,
			Integer version, Integer scene, String openid) {
	}

	record MediaCheckResponse(int errcode, String errmsg, @JsonProperty("trace_id") String traceId) {
	}

}
