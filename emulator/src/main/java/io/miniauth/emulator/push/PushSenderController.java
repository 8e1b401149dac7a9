package io.miniauth.emulator.push;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.miniauth.emulator.api.EmulatedAppResolver;
import io.miniauth.emulator.api.EmulatorControlException;
import io.miniauth.emulator.app.EmulatedApp;
import io.miniauth.emulator.user.WeChatIdentities;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /emulator/wx/push}: makes WeChat push a user-data event
 * ({@code user_info_modified}, {@code user_authorization_revoke},
 * {@code user_authorization_cancellation}, or {@code debug_demo}) about a user to the
 * app's message push URL, built as WeChat builds it: signed with the Token and, in secure
 * mode, encrypted with the EncodingAESKey. As WeChat does, a push that is not answered
 * {@code success} (or an empty body) within 5 seconds is sent again, up to 3 more times.
 */
@RestController
class PushSenderController {

	private static final Set<String> EVENTS = Set.of("user_info_modified", "user_authorization_revoke",
			"user_authorization_cancellation", "debug_demo");

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final int RETRIES = 3;

	private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private final EmulatedAppResolver appResolver;

	private final WeChatIdentities identities;

	private final PushTargets targets;

	private final Clock clock;

	private final JsonMapper json;

	private final SecureRandom random = new SecureRandom();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	PushSenderController(EmulatedAppResolver appResolver, WeChatIdentities identities,
			ObjectProvider<PushTargets> targets, ObjectProvider<Clock> clock, JsonMapper json) {
		this.appResolver = appResolver;
		this.identities = identities;
		this.targets = targets.getIfAvailable(() -> (appid) -> java.util.Optional.empty());
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.json = json;
	}

	@PostMapping("/emulator/wx/push")
	PushReport push(@Valid @RequestBody PushRequest request) {
		if (!EVENTS.contains(request.event())) {
			throw new EmulatorControlException(HttpStatus.BAD_REQUEST, "UNKNOWN_EVENT",
					"event must be one of " + EVENTS.stream().sorted().collect(Collectors.joining(", ")));
		}
		EmulatedApp app = this.appResolver.resolve(request.appid());
		PushTarget target = target(app, request);
		String message = message(app, request, target.xml());
		String timestamp = Long.toString(this.clock.instant().getEpochSecond());
		String nonce = Long.toString(this.random.nextInt(1_000_000_000));
		String openid = this.identities.openid(app, request.user());
		StringBuilder query = new StringBuilder("signature=" + PushSealer.sign(target.token(), timestamp, nonce)
				+ "&timestamp=" + timestamp + "&nonce=" + nonce);
		String body = message;
		if (target.secure()) {
			String encrypt = PushSealer.encrypt(target.encodingAesKey(), randomText(), message, app.appid());
			query.append("&openid=")
				.append(encode(openid))
				.append("&encrypt_type=aes&msg_signature=")
				.append(PushSealer.sign(target.token(), timestamp, nonce, encrypt));
			body = target.xml()
					? "<xml><ToUserName><![CDATA[" + officialAccount(app) + "]]></ToUserName><Encrypt><![CDATA["
							+ encrypt + "]]></Encrypt></xml>"
					: this.json.writeValueAsString(Map.of("ToUserName", officialAccount(app), "Encrypt", encrypt));
		}
		URI uri = URI.create(target.url() + (target.url().contains("?") ? "&" : "?") + query);
		int deliveries = (request.deliveries() != null) ? request.deliveries() : 1;
		Delivery last = null;
		for (int i = 0; i < deliveries; i++) {
			last = deliver(uri, body, target.xml());
		}
		return new PushReport(last.acknowledged(), last.attempts(), last.status(), message);
	}

	private Delivery deliver(URI uri, String body, boolean xml) {
		int status = 0;
		for (int attempt = 1; attempt <= 1 + RETRIES; attempt++) {
			try {
				HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri)
					.timeout(TIMEOUT)
					.header("Content-Type", xml ? "text/xml" : "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString());
				status = response.statusCode();
				String reply = response.body().strip();
				if (status == 200 && (reply.isEmpty() || reply.equals("success"))) {
					return new Delivery(true, attempt, status);
				}
			}
			catch (IOException ex) {
				status = 0;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return new Delivery(false, attempt, status);
			}
		}
		return new Delivery(false, 1 + RETRIES, status);
	}

	private PushTarget target(EmulatedApp app, PushRequest request) {
		PushTarget configured = this.targets.find(app.appid()).orElse(null);
		String url = (request.url() != null) ? request.url() : (configured != null) ? configured.url() : null;
		String token = (request.token() != null) ? request.token() : (configured != null) ? configured.token() : null;
		String key = (request.encodingAesKey() != null) ? request.encodingAesKey()
				: (configured != null) ? configured.encodingAesKey() : null;
		boolean secure = (request.mode() != null) ? "secure".equals(request.mode())
				: configured != null && configured.secure();
		boolean xml = (request.format() != null) ? "xml".equals(request.format())
				: configured != null && configured.xml();
		if (url == null || token == null) {
			throw new EmulatorControlException(HttpStatus.BAD_REQUEST, "PUSH_TARGET_MISSING",
					"No push URL and Token for this app: send url and token");
		}
		if (secure && (key == null || key.length() != 43)) {
			throw new EmulatorControlException(HttpStatus.BAD_REQUEST, "PUSH_TARGET_MISSING",
					"Secure mode needs the 43-character encodingAesKey");
		}
		return new PushTarget(url, token, key, secure, xml);
	}

	private String message(EmulatedApp app, PushRequest request, boolean xml) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("ToUserName", officialAccount(app));
		// for platform events the sender is WeChat's push service, not the user
		fields.put("FromUserName", this.identities.openid(app, "wechat-push-service"));
		fields.put("CreateTime", this.clock.instant().getEpochSecond());
		fields.put("MsgType", "event");
		fields.put("Event", request.event());
		if ("debug_demo".equals(request.event())) {
			fields.put("debug_str", "hello world");
		}
		else {
			fields.put("OpenID", this.identities.openid(app, request.user()));
			fields.put("AppID", app.appid());
			if ("user_authorization_revoke".equals(request.event())) {
				fields.put("RevokeInfo", (request.revokeInfo() != null) ? request.revokeInfo() : "6");
			}
		}
		if (!xml) {
			return this.json.writeValueAsString(fields);
		}
		StringBuilder out = new StringBuilder("<xml>");
		fields.forEach((name, value) -> {
			out.append('<').append(name).append('>');
			out.append((value instanceof Number) ? value.toString() : "<![CDATA[" + value + "]]>");
			out.append("</").append(name).append('>');
		});
		return out.append("</xml>").toString();
	}

	private static String officialAccount(EmulatedApp app) {
		return "gh_" + Integer.toHexString(app.appid().hashCode() & 0xfffffff);
	}

	private String randomText() {
		StringBuilder text = new StringBuilder(16);
		for (int i = 0; i < 16; i++) {
			text.append(ALPHANUMERIC.charAt(this.random.nextInt(ALPHANUMERIC.length())));
		}
		return text.toString();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * What to push.
	 *
	 * @param event the event
	 * @param user the user's handle
	 * @param appid the app, or empty for the default one
	 * @param revokeInfo for {@code user_authorization_revoke}: what was revoked (6:
	 * nickname and avatar, 8: phone number, ...), 6 by default
	 * @param url the push URL, instead of the configured one
	 * @param token the Token, instead of the configured one
	 * @param encodingAesKey the EncodingAESKey, instead of the configured one
	 * @param mode {@code plain} or {@code secure}, instead of the configured one
	 * @param format {@code json} or {@code xml}, instead of the configured one
	 * @param deliveries how many times to deliver the same push (WeChat's duplicate
	 * deliveries), 1 by default
	 */
	record PushRequest(@NotBlank String event, @NotBlank String user, String appid, String revokeInfo, String url,
			String token, String encodingAesKey, @Pattern(regexp = "plain|secure") String mode,
			@Pattern(regexp = "json|xml") String format, @Min(1) @Max(5) Integer deliveries) {
	}

	/**
	 * What happened to the push (the last delivery).
	 *
	 * @param acknowledged whether the receiver answered {@code success} or an empty body
	 * @param attempts how many attempts the delivery took
	 * @param status the receiver's last HTTP status (0 when it could not be reached)
	 * @param message the push's plaintext message
	 */
	record PushReport(boolean acknowledged, int attempts, int status, String message) {
	}

	private record Delivery(boolean acknowledged, int attempts, int status) {
	}

}
