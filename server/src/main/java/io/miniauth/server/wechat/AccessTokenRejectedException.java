package io.miniauth.server.wechat;

/**
 * WeChat refused the app's access token (40001, 40014, 42001): it was replaced elsewhere
 * or has expired. The client renews the token and tries once more; if WeChat refuses the
 * new one too, the call is answered as WeChat being unavailable.
 */
public class AccessTokenRejectedException extends WeChatUnavailableException {

	public AccessTokenRejectedException(int errcode) {
		super("access token refused (errcode " + errcode + ")", errcode);
	}

}
