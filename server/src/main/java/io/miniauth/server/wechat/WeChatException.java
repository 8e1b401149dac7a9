package io.miniauth.server.wechat;

import io.miniauth.server.web.MiniAuthException;

import org.springframework.http.HttpStatus;

/**
 * WeChat refused a call or could not be reached. Each subclass is one reason a client can
 * act on.
 */
public abstract class WeChatException extends MiniAuthException {

	private final int errcode;

	protected WeChatException(HttpStatus status, String code, String msg, int errcode) {
		super(status, code, msg);
		this.errcode = errcode;
	}

	/**
	 * WeChat's errcode, or {@code 0} when WeChat gave none (a timeout, for instance).
	 * @return the errcode
	 */
	public int errcode() {
		return this.errcode;
	}

}
