package io.miniauth.emulator.push;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Push signatures and encryption against the published test vectors (WeChat's message
 * push page, and WxJava's {@code WxCryptUtilTest}).
 */
class PushSealerTests {

	private static final String OFFICIAL_KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

	@Test
	void signWhenUrlCheckVectorThenOfficialSignature() {
		assertThat(PushSealer.sign("AAAAA", "1714036504", "1514711492"))
			.isEqualTo("f464b24fc39322e44b38aa78f5edd27bd1441696");
		assertThat(PushSealer.sign("AAAAA", "1714037059", "486452656"))
			.isEqualTo("899cf89e464efb63f54ddac96b0a0a235f53aa78");
	}

	@Test
	void encryptWhenOfficialVectorThenOfficialEncryptAndSignatures() {
		String message = "{\"ToUserName\":\"gh_97417a04a28d\",\"FromUserName\":\"o9AgO5Kd5ggOC-bXrbNODIiE3bGY\","
				+ "\"CreateTime\":1714112445,\"MsgType\":\"event\",\"Event\":\"debug_demo\",\"debug_str\":\"hello world\"}";

		String encrypt = PushSealer.encrypt(OFFICIAL_KEY, "a8eedb185eb2fecf", message, "wxba5fad812f8e6fb9");

		assertThat(encrypt).isEqualTo(
				"+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzazhZv6JsXUnnR8XGT740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajAsjLY2km32IIjdf8YL/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04=");
		assertThat(PushSealer.sign("AAAAA", "1714112445", "415670741", encrypt))
			.isEqualTo("046e02f8204d34f8ba5fa3b1db94908f3df2e9b3");
		assertThat(PushSealer.sign("AAAAA", "1714112445", "415670741"))
			.isEqualTo("6c5c811b55cc85e0e1b54100749188c20beb3f5d");
	}

	@Test
	void encryptWhenOfficialReplyVectorThenOfficialReply() {
		String encrypt = PushSealer.encrypt(OFFICIAL_KEY, "707722b803182950", "{\"demo_resp\":\"good luck\"}",
				"wxba5fad812f8e6fb9");

		assertThat(encrypt)
			.isEqualTo("ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ==");
		assertThat(PushSealer.sign("AAAAA", "1713424427", "415670741", encrypt))
			.isEqualTo("1b9339964ed2e271e7c7b6ff2b0ef902fc94dea1");
	}

	@Test
	void encryptWhenWxJavaVectorThenWxJavaEncrypt() {
		String encrypt = PushSealer.encrypt("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "aaaabbbbccccdddd",
				"我是中文abcd123", "wxb11529c136998cb6");

		assertThat(encrypt)
			.isEqualTo("jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==");
		assertThat(PushSealer.sign("pamtest", "1409304348", "xxxxxx", encrypt))
			.isEqualTo("82c962d39941aa48552f90ef55aa323dc620cc10");
	}

}
