package io.miniauth.emulator.security;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
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
 * {@code POST /wxa/msg_sec_check}: WeChat's text check. Version 2 answers errcode 0 with
 * a {@code result} of {@code pass}, {@code review} or {@code risky} and a label, for a
 * user who opened the app recently (else 61010). A body without {@code version} is the
 * legacy version 1, which answers 87014 for risky text and {@code ok} otherwise.
 */
@RestController
class MsgSecCheckController {

	/** The longest text WeChat checks, in characters. */
	static final int MAX_CONTENT = 2500;

	private static final int MODEL_PROBABILITY = 90;

	private final SecurityChecks checks;

	private final ContentRules rules;

	private final WeChatResponses responses;

	MsgSecCheckController(SecurityChecks checks, ContentRules rules, WeChatResponses responses) {
		this.checks = checks;
		this.rules = rules;
		this.responses = responses;
	}

	@PostMapping("/emulator/wxa/msg_sec_check")
	@WeChatEndpoint(WeChatEndpointNames.MSG_SEC_CHECK)
	ResponseEntity<String> msgSecCheck(@RequestParam(name = "access_token", required = false) String accessToken,
			@RequestBody(required = false) String body) {
		return this.responses.json(answer(accessToken, body));
	}

	private Object answer(String accessToken, String body) {
		SecurityChecks.Call<MsgSecCheckRequest> call = this.checks.accept(accessToken, body, MsgSecCheckRequest.class);
		if (call instanceof SecurityChecks.Call.Refused<MsgSecCheckRequest> refused) {
			return refused.error();
		}
		SecurityChecks.Call.Accepted<MsgSecCheckRequest> accepted = (SecurityChecks.Call.Accepted<MsgSecCheckRequest>) call;
		String appid = accepted.appid();
		MsgSecCheckRequest request = accepted.request();
		if (!StringUtils.hasText(request.content())) {
			return WeChatError.of(44002);
		}
		if (request.content().codePointCount(0, request.content().length()) > MAX_CONTENT) {
			return WeChatError.of(47001);
		}
		if (request.version() == null) {
			return this.rules.judgeText(request.content()).risky() ? WeChatError.of(87014) : new WeChatError(0, "ok");
		}
		WeChatError refused = this.checks.refusal(appid, request.version(), request.scene(), request.openid());
		if (refused != null) {
			return refused;
		}
		Verdict verdict = this.rules.judgeText(request.content());
		List<Detail> detail = new ArrayList<>();
		detail.add(new Detail("content_model", 0, verdict.suggest(), verdict.label(), MODEL_PROBABILITY, null, null));
		if (verdict.keyword() != null) {
			detail.add(new Detail("keyword", 0, verdict.suggest(), verdict.label(), null, 20, verdict.keyword()));
		}
		return new MsgSecCheckResponse(0, "ok", new Result(verdict.suggest(), verdict.label()), detail,
				SecurityChecks.traceId());
	}

	/**
	 * The body; WxJava sends {@code version} as a string, which is read as a number.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record MsgSecCheckRequest(String content, Integer version, Integer scene, String openid, String title,
			String nickname, String signature) {
	}

	record MsgSecCheckResponse(int errcode, String errmsg, Result result, List<Detail> detail,
			@JsonProperty("trace_id") String traceId) {
	}

	record Result(String suggest, int label) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Detail(String strategy, int errcode, String suggest, int label, Integer prob, Integer level,
			String keyword) {
	}

}
