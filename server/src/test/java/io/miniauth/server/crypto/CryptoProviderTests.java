package io.miniauth.server.crypto;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class CryptoProviderTests {

	private final byte[] key = filled(3);

	@Test
	void nativeIfAvailableWhenLinuxOnX8664ThenAmazonCorrettoCryptoProvider() {
		assumeThat(System.getProperty("os.name")).isEqualTo("Linux");
		assumeThat(System.getProperty("os.arch")).isIn("amd64", "x86_64");

		CryptoProvider crypto = CryptoProvider.nativeIfAvailable();

		assertThat(crypto.isNative()).isTrue();
		assertThat(crypto.jca().getName()).isEqualTo("AmazonCorrettoCryptoProvider");
		assertThat(crypto.description()).startsWith("Amazon Corretto Crypto Provider 2.");
	}

	@Test
	void jdkWhenChosenThenNoProviderIsNamed() {
		CryptoProvider crypto = CryptoProvider.jdk();

		assertThat(crypto.isNative()).isFalse();
		assertThat(crypto.jca()).isNull();
		assertThat(crypto.description()).startsWith("the JDK's own providers");
	}

	@Test
	void sealWhenNativeThenJdkOpensItAndTheOtherWayRound() {
		SecretBox nativeBox = new SecretBox(this.key, CryptoProvider.nativeIfAvailable());
		SecretBox jdkBox = new SecretBox(this.key, CryptoProvider.jdk());

		assertThat(jdkBox.open(nativeBox.seal("tiihtNczf5v6AKRyjwEUhQ==", "session-key:wx1:o1"), "session-key:wx1:o1"))
			.isEqualTo("tiihtNczf5v6AKRyjwEUhQ==");
		assertThat(nativeBox.open(jdkBox.seal("tiihtNczf5v6AKRyjwEUhQ==", "session-key:wx1:o1"), "session-key:wx1:o1"))
			.isEqualTo("tiihtNczf5v6AKRyjwEUhQ==");
	}

	@Test
	void deriveKeyWhenNativeThenSameBytesAsJdk() {
		assertThat(new SecretBox(this.key, CryptoProvider.nativeIfAvailable()).deriveKey("refresh-token/v1"))
			.isEqualTo(new SecretBox(this.key, CryptoProvider.jdk()).deriveKey("refresh-token/v1"));
	}

	private static byte[] filled(int value) {
		byte[] bytes = new byte[32];
		Arrays.fill(bytes, (byte) value);
		return bytes;
	}

}
