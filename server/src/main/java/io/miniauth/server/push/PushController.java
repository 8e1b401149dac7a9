package io.miniauth.server.push;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /wechat/push/{appid}}: the message push URL to register in the mini program's
 * console. {@code GET} is WeChat's URL check (answered with the raw {@code echostr});
 * {@code POST} is a push, in plain, compatible or secure mode, JSON or XML, answered
 * {@code success} (unencrypted, as WeChat expects). Nothing is read or changed before the
 * signature matches the app's Token.
 */
@RestController
class PushController {

	private static final String SUCCESS = "success";

	private final PushSettings settings;

	private final UserDataPushes pushes;

	PushController(PushSettings settings, UserDataPushes pushes) {
		this.settings = settings;
		this.pushes = pushes;
	}

	@GetMapping(path = "/wechat/push/{appid}", produces = MediaType.TEXT_PLAIN_VALUE)
	String verifyUrl(@PathVariable String appid, @RequestParam(required = false) String signature,
			@RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
			@RequestParam(required = false) String echostr) {
		PushProperties.App app = this.settings.of(appid).orElseThrow(PushRejectedException::notConfigured);
		if (echostr == null || !PushSignature.matches(signature, app.token(), timestamp, nonce)) {
			throw PushRejectedException.badSignature();
		}
		return echostr;
	}

	@PostMapping(path = "/wechat/push/{appid}", produces = MediaType.TEXT_PLAIN_VALUE)
	String receive(@PathVariable String appid, @RequestParam(required = false) String signature,
			@RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
			@RequestParam(name = "encrypt_type", required = false) String encryptType,
			@RequestParam(name = "msg_signature", required = false) String msgSignature,
			@RequestBody(required = false) String body) {
		PushProperties.App app = this.settings.of(appid).orElseThrow(PushRejectedException::notConfigured);
		Map<String, String> fields = PushMessage.read(body);
		String encrypt = fields.get("Encrypt");
		if ("aes".equals(encryptType) || encrypt != null) {
			// secure and compatible modes: msg_signature covers the ciphertext (WeChat
			// says
			// not to rely on signature there)
			if (encrypt == null || !PushSignature.matches(msgSignature, app.token(), timestamp, nonce, encrypt)) {
				throw PushRejectedException.badSignature();
			}
			if (app.encodingAesKey() == null) {
				throw new MalformedPushException("This app has no EncodingAESKey configured for encrypted pushes");
			}
			fields = PushMessage.read(PushCipher.open(app.encodingAesKey(), encrypt, appid));
		}
		else if (!PushSignature.matches(signature, app.token(), timestamp, nonce)) {
			throw PushRejectedException.badSignature();
		}
		this.pushes.handle(appid, fields);
		return SUCCESS;
	}

}
