package io.miniauth.emulator.push;

/**
 * Where and how the emulator pushes an app's events, as the mini program's console
 * configures it (消息推送配置).
 *
 * @param url the message push URL
 * @param token the Token that signs each push
 * @param encodingAesKey the EncodingAESKey (43 characters), for secure mode
 * @param secure {@code true} for secure mode (encrypted), {@code false} for plain
 * @param xml {@code true} for XML bodies, {@code false} for JSON
 */
public record PushTarget(String url, String token, String encodingAesKey, boolean secure, boolean xml) {

	@Override
	public String toString() {
		return "PushTarget[url=" + this.url + ", secure=" + this.secure + ", xml=" + this.xml + "]";
	}

}
