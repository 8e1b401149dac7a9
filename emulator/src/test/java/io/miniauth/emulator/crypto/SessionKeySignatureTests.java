package io.miniauth.emulator.crypto;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SessionKeySignatureTests {

	private static final String DOC_KEY = "o0q0otL8aEzpcZL/FT9WsQ==";

	private static final String DOC_SIGNATURE = "654571f79995b2ce1e149e53c0a33dc39c0a74090db514261454e8dbe432aa0b";

	@Test
	void signWhenDocumentationExampleThenDocumentedSignature() {
		assertThat(SessionKeySignature.sign(DOC_KEY, "{\"foo\":\"bar\"}")).isEqualTo(DOC_SIGNATURE);
	}

	@Test
	void verifyWhenSignatureMatchesThenTrueOtherwiseFalse() {
		assertThat(SessionKeySignature.verify(DOC_KEY, "{\"foo\":\"bar\"}", DOC_SIGNATURE)).isTrue();
		assertThat(SessionKeySignature.verify(DOC_KEY, "{\"foo\":\"baz\"}", DOC_SIGNATURE)).isFalse();
		assertThat(SessionKeySignature.verify(DOC_KEY, "{\"foo\":\"bar\"}", null)).isFalse();
	}

	@Test
	void signWhenKeyEmptyThenThrowIllegalArgumentException() {
		assertThatIllegalArgumentException().isThrownBy(() -> SessionKeySignature.sign("", ""))
			.withMessage("sessionKey cannot be empty");
	}

}
