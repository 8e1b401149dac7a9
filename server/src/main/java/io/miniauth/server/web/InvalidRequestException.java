package io.miniauth.server.web;

/**
 * A request whose content is not acceptable: 400 {@code INVALID_REQUEST}.
 */
public class InvalidRequestException extends MiniAuthException {

	/**
	 * A request refused with the general {@code INVALID_REQUEST} message.
	 * @param msg the English message, for the log
	 */
	public InvalidRequestException(String msg) {
		super(ErrorCode.INVALID_REQUEST, msg);
	}

	/**
	 * A request refused with the message of one rule, which says what to change.
	 * @param messageKey the rule's key in the bundles, {@code invalid.*}
	 * @param msg the English message, for the log and as the fallback
	 * @param arguments the message's arguments
	 */
	public InvalidRequestException(String messageKey, String msg, Object... arguments) {
		super(ErrorCode.INVALID_REQUEST, messageKey, arguments, msg);
	}

}
