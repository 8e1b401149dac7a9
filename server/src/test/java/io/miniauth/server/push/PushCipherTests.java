package io.miniauth.server.push;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.miniauth.server.problem.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link PushCipher} on what WeChat sends in secure mode, and on everything else: each
 * malformed push is a {@code PUSH_MALFORMED} that names neither key nor content.
 */
class PushCipherTests {

	private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	/** The EncodingAESKey: the key in Base64, without its one {@code =}. */
	private static final String ENCODING_AES_KEY = Base64.getEncoder().encodeToString(KEY).replace("=", "");

	private static final String APPID = "wxba5fad812f8e6fb9";

	private static final String MESSAGE = "{\"Event\":\"user_authorization_revoke\",\"OpenID\":\"oPUSH\"}";

	@Test
	void openWhenSealedAsWeChatSealsThenMessage() throws Exception {
		assertThat(PushCipher.open(ENCODING_AES_KEY, seal(inner(MESSAGE, APPID), 32), APPID)).isEqualTo(MESSAGE);
	}

	@Test
	void openWhenForAnotherAppThenMalformed() throws Exception {
		assertMalformed(seal(inner(MESSAGE, "wxsomeoneelse00001"), 32), "another app");
	}

	@Test
	void openWhenNotBase64ThenMalformed() {
		assertMalformed("not base64 !!", "does not decrypt");
	}

	@Test
	void openWhenNotWholeBlocksThenMalformed() {
		assertMalformed(Base64.getEncoder().encodeToString(new byte[17]), "does not decrypt");
	}

	@Test
	void openWhenEmptyThenMalformed() {
		assertMalformed("", "not padded");
	}

	@Test
	void openWhenEncodingAesKeyHasTheWrongLengthThenMalformed() throws Exception {
		String shortKey = Base64.getEncoder().encodeToString(new byte[20]).replace("=", "");

		assertThatExceptionOfType(MalformedPushException.class)
			.isThrownBy(() -> PushCipher.open(shortKey, seal(inner(MESSAGE, APPID), 32), APPID))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("does not decrypt"));
	}

	@Test
	void openWhenSealedUnderAnotherKeyThenMalformed() throws Exception {
		byte[] other = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

		assertThatExceptionOfType(MalformedPushException.class)
			.isThrownBy(() -> PushCipher.open(ENCODING_AES_KEY, seal(other, inner(MESSAGE, APPID), 32), APPID));
	}

	@Test
	void openWhenPaddingByteIsZeroOrOverThirtyTwoThenMalformed() throws Exception {
		byte[] inner = inner(MESSAGE, APPID);
		assertMalformed(sealPaddedWith(inner, 0), "not padded");
		assertMalformed(sealPaddedWith(inner, 33), "not padded");
	}

	@Test
	void openWhenLengthFieldPointsPastTheEndThenMalformed() throws Exception {
		byte[] inner = inner(MESSAGE, APPID);
		ByteBuffer.wrap(inner, 16, 4).putInt(inner.length);

		assertMalformed(seal(inner, 32), "wrong length");
	}

	@Test
	void openWhenLengthFieldNegativeThenMalformed() throws Exception {
		byte[] inner = inner(MESSAGE, APPID);
		ByteBuffer.wrap(inner, 16, 4).putInt(-1);

		assertMalformed(seal(inner, 32), "wrong length");
	}

	@Test
	void openWhenTooShortForTheRandomBytesAndLengthThenMalformed() throws Exception {
		assertMalformed(seal(new byte[8], 32), "not padded");
	}

	private static void assertMalformed(String encrypt, String reason) {
		assertThatExceptionOfType(MalformedPushException.class)
			.isThrownBy(() -> PushCipher.open(ENCODING_AES_KEY, encrypt, APPID))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.PUSH_MALFORMED.name());
				assertThat(ex.getMessage()).contains(reason)
					.doesNotContain(ENCODING_AES_KEY)
					.doesNotContain("user_authorization_revoke");
			});
	}

	/** 16 random bytes, the message's length, the message and the appid. */
	private static byte[] inner(String message, String appid) {
		byte[] text = message.getBytes(StandardCharsets.UTF_8);
		byte[] receiver = appid.getBytes(StandardCharsets.UTF_8);
		return ByteBuffer.allocate(20 + text.length + receiver.length)
			.put(new byte[16])
			.putInt(text.length)
			.put(text)
			.put(receiver)
			.array();
	}

	private static String seal(byte[] inner, int block) throws GeneralSecurityException {
		return seal(KEY, inner, block);
	}

	/** PKCS#7 to {@code block}-byte blocks, as WeChat pads. */
	private static String seal(byte[] key, byte[] inner, int block) throws GeneralSecurityException {
		int pad = block - (inner.length % block);
		byte[] padded = Arrays.copyOf(inner, inner.length + pad);
		Arrays.fill(padded, inner.length, padded.length, (byte) pad);
		return encrypt(key, padded);
	}

	/** Whole blocks whose last byte claims {@code padByte}. */
	private static String sealPaddedWith(byte[] inner, int padByte) throws GeneralSecurityException {
		byte[] padded = Arrays.copyOf(inner, ((inner.length / 32) + 2) * 32);
		padded[padded.length - 1] = (byte) padByte;
		return encrypt(KEY, padded);
	}

	private static String encrypt(byte[] key, byte[] padded) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
		cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"),
				new IvParameterSpec(Arrays.copyOfRange(key, 0, 16)));
		return Base64.getEncoder().encodeToString(cipher.doFinal(padded));
	}

}
