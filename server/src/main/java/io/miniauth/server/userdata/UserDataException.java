package io.miniauth.server.userdata;

import io.miniauth.server.web.ErrorCode;
import io.miniauth.server.web.MiniAuthException;

/**
 * WeChat user data that cannot be accepted. Each reason has its own factory and
 * {@code code}.
 */
public final class UserDataException extends MiniAuthException {

	private UserDataException(ErrorCode code, String msg) {
		super(code, msg);
	}

	/** The data was made with a session_key that has changed since. */
	static UserDataException sessionKeyStale() {
		return new UserDataException(ErrorCode.SESSION_KEY_STALE,
				"The data was made with an older WeChat session: call wx.login() and log in again, then fetch the data again and retry");
	}

	/**
	 * The data decrypts to no JSON object, under the current key or the previous one:
	 * altered, corrupted, or made with a key this service has not seen. The reason is
	 * deliberately not told (see {@link EncryptedData}).
	 */
	static UserDataException invalidEncryptedData() {
		return new UserDataException(ErrorCode.INVALID_ENCRYPTED_DATA,
				"encryptedData cannot be decrypted with this user's session: if the mini program called wx.login "
						+ "since it last logged in here, log in again, fetch the data again and retry");
	}

	/** The data was made for another app. */
	static UserDataException watermarkMismatch() {
		return new UserDataException(ErrorCode.WATERMARK_MISMATCH, "The data was made for another app");
	}

	/** {@code signature} is not {@code sha1(rawData + session_key)}. */
	static UserDataException signatureMismatch() {
		return new UserDataException(ErrorCode.SIGNATURE_MISMATCH, "rawData does not match its signature");
	}

	/**
	 * The decrypted data does not hold what the signed {@code rawData} says: the
	 * {@code iv} or the ciphertext was altered.
	 */
	static UserDataException rawDataMismatch() {
		return new UserDataException(ErrorCode.RAW_DATA_MISMATCH,
				"encryptedData does not hold the data that rawData and its signature vouch for");
	}

}
