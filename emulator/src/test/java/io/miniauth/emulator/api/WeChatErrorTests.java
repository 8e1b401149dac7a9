package io.miniauth.emulator.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WeChatErrorTests {

	private static final String RID = ", rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}";

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			-1    | system error
			40001 | invalid credential, access_token is invalid or not latest
			40002 | invalid grant_type
			40003 | invalid openid
			40013 | invalid appid
			40029 | invalid code
			40125 | invalid appsecret
			40163 | code been used
			40164 | invalid ip, not in whitelist
			40226 | code blocked
			41001 | access_token missing
			41002 | appid missing
			41004 | appsecret missing
			41008 | missing code
			42001 | access_token expired
			43002 | require POST method
			44002 | empty post data
			45009 | reach max api daily quota limit
			45011 | api minute-quota reach limit mustslower retry next minute
			47001 | data format error
			87008 | invalid sig_method
			87009 | invalid signature
			""")
	void ofWhenErrcodeKnownThenWeChatsPhraseAndRequestId(int errcode, String phrase) {
		WeChatError error = WeChatError.of(errcode);
		assertThat(error.errcode()).isEqualTo(errcode);
		assertThat(error.errmsg()).startsWith(phrase + ", rid: ").matches(".+" + RID);
		assertThat(WeChatError.injected(errcode).errmsg()).startsWith(phrase + ", rid: ");
	}

	@Test
	void ofWhenErrcodeUnknownThenThrowIllegalArgumentException() {
		assertThatIllegalArgumentException().isThrownBy(() -> WeChatError.of(12345))
			.withMessage("No phrase for errcode 12345");
	}

	@Test
	void injectedWhenErrcodeUnknownThenInjectedError() {
		assertThat(WeChatError.injected(12345).errmsg()).matches("injected error" + RID);
	}

	@Test
	void ofWhenCalledTwiceThenRequestIdsDiffer() {
		assertThat(WeChatError.of(40029).errmsg()).isNotEqualTo(WeChatError.of(40029).errmsg());
	}

}
