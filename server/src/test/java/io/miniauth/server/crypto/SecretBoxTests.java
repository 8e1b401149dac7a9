package io.miniauth.server.crypto;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SecretBoxTests {

	private final byte[] key = filled(7);

	private final SecretBox box = new SecretBox(this.key);

	@Test
	void sealWhenOpenedWithSameContextThenSameSecret() {
		String sealed = this.box.seal("tiihtNczf5v6AKRyjwEUhQ==", "session-key:wx1:o1");

		assertThat(sealed).startsWith("v1.").doesNotContain("tiihtNczf5v6AKRyjwEUhQ");
		assertThat(this.box.open(sealed, "session-key:wx1:o1")).isEqualTo("tiihtNczf5v6AKRyjwEUhQ==");
	}

	@Test
	void sealWhenCalledTwiceThenDifferentCiphertexts() {
		assertThat(this.box.seal("same", "c")).isNotEqualTo(this.box.seal("same", "c"));
	}

	@Test
	void openWhenOtherContextThenRefused() {
		String sealed = this.box.seal("secret", "session-key:wx1:o1");

		assertThatIllegalStateException().isThrownBy(() -> this.box.open(sealed, "session-key:wx1:o2"))
			.withMessageNotContaining("secret ");
	}

	@Test
	void openWhenOtherKeyThenRefused() {
		String sealed = this.box.seal("secret", "c");

		assertThatIllegalStateException().isThrownBy(() -> new SecretBox(filled(8)).open(sealed, "c"));
	}

	@Test
	void openWhenAlteredThenRefused() {
		String sealed = this.box.seal("secret", "c");
		int middle = sealed.length() / 2;
		char flipped = (sealed.charAt(middle) == 'A') ? 'B' : 'A';
		String altered = sealed.substring(0, middle) + flipped + sealed.substring(middle + 1);

		assertThatIllegalStateException().isThrownBy(() -> this.box.open(altered, "c"));
		assertThatIllegalStateException().isThrownBy(() -> this.box.open("plain-text", "c"));
	}

	@Test
	void deriveKeyWhenLabelsDifferThenKeysDiffer() {
		assertThat(this.box.deriveKey("a")).hasSize(32).isNotEqualTo(this.box.deriveKey("b"));
		assertThat(this.box.deriveKey("a")).isEqualTo(new SecretBox(filled(7)).deriveKey("a"));
	}

	@Test
	void constructorWhenKeyNotThirtyTwoBytesThenThrowIllegalArgumentException() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SecretBox(new byte[16]))
			.withMessage("key must be 32 bytes");
		assertThatIllegalArgumentException().isThrownBy(() -> new SecretBox(null)).withMessage("key cannot be null");
	}

	private static byte[] filled(int value) {
		byte[] bytes = new byte[32];
		Arrays.fill(bytes, (byte) value);
		return bytes;
	}

}
