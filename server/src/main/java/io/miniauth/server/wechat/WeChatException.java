package io.miniauth.server.wechat;

import io.miniauth.server.web.ErrorCode;
import io.miniauth.server.web.MiniAuthException;

/**
 * WeChat refused a call or could not be reached. Each subclass is one reason a client can
 * act on.
 */
public abstract class WeChatException extends MiniAuthException {

	private final int errcode;

	protected WeChatException(ErrorCode code, String msg, int errcode) {
		super(code, msg);
		this.errcode = errcode;
	}

	protected WeChatException(ErrorCode code, String messageKey, Object[] arguments, String msg, int errcode) {
		super(code, messageKey, arguments, msg);
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
