package io.miniauth.emulator.standalone;

import java.net.http.HttpResponse;
import java.util.Locale;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.bean.WxMaJscode2SessionResult;
import cn.binarywang.wx.miniapp.bean.WxMaPhoneNumberInfo;
import cn.binarywang.wx.miniapp.bean.WxMaUserInfo;
import cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl;
import io.miniauth.emulator.app.EmulatedApp;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.util.SignUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * WxJava ({@code weixin-java-miniapp}), the SDK most Java backends use, against the
 * standalone emulator, configured as the emulator's README says: only its API host
 * changes. Each WeChat endpoint is driven through the SDK's own calls and error handling,
 * so a change that breaks the SDK fails the build.
 */
class WxJavaInteropTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final EmulatedApp APP = EmulatedApp.DEMO;

	private static final String WECHAT = "https://api.weixin.qq.com";

	@RegisterExtension
	static final RunningEmulator emulator = RunningEmulator.forTestClass();

	private WxMaService wx;

	@BeforeEach
	void configureSdk() {
		this.wx = sdk(false);
		emulator.delete("/emulator/faults");
		emulator.delete("/emulator/calls");
	}

	@Test
	void getSessionInfoWhenCodeFromWxLoginThenSessionOnceThen40163() throws WxErrorException {
		JsonNode login = wxLogin("wxjava-alice");
		WxMaJscode2SessionResult session = this.wx.getUserService().getSessionInfo(login.path("code").asString());
		assertThat(session.getOpenid()).isEqualTo(login.path("openid").asString());
		assertThat(session.getSessionKey()).hasSize(24);
		assertThat(session.getUnionid()).hasSize(28);
		assertErrcode(() -> this.wx.getUserService().getSessionInfo(login.path("code").asString()), 40163);
		assertErrcode(() -> this.wx.getUserService().getSessionInfo("0nosuchcode0000000000000000000000"), 40029);
		JsonNode calls = calls();
		assertThat(calls.path("jscode2session").path("ok").asInt()).isEqualTo(1);
		assertThat(calls.path("jscode2session").path("40163").asInt()).isEqualTo(1);
		assertThat(calls.path("jscode2session").path("40029").asInt()).isEqualTo(1);
		assertThat(calls.path("token").path("total").asInt()).as("WxJava fetches one token and keeps it").isEqualTo(1);
	}

	@Test
	void getAccessTokenWhenEitherTokenEndpointThenTokenWithIntegerLifetime() throws WxErrorException {
		assertThat(this.wx.getAccessToken(true)).isNotBlank();
		assertThat(this.wx.getWxMaConfig().isAccessTokenExpired()).isFalse();
		WxMaService stable = sdk(true);
		String stableToken = stable.getAccessToken();
		assertThat(stableToken).isNotBlank();
		assertThat(stable.getAccessToken(false)).isEqualTo(stableToken);
		JsonNode calls = calls();
		assertThat(calls.path("token").path("ok").asInt()).isEqualTo(1);
		assertThat(calls.path("stable_token").path("ok").asInt()).isEqualTo(1);
	}

	@Test
	void getPhoneNumberWhenCodeFromButtonThenNumberWithWatermark() throws WxErrorException {
		JsonNode phoneCode = json(emulator.post("/emulator/wx/phone-code", "application/json",
				"{\"user\":\"wxjava-bob\",\"phoneNumber\":\"13900001111\"}"));
		WxMaPhoneNumberInfo phone = this.wx.getUserService().getPhoneNumber(phoneCode.path("code").asString());
		assertThat(phone.getPhoneNumber()).isEqualTo("13900001111");
		assertThat(phone.getPurePhoneNumber()).isEqualTo("13900001111");
		assertThat(phone.getCountryCode()).isEqualTo("86");
		assertThat(phone.getWatermark().getAppid()).isEqualTo(APP.appid());
		assertErrcode(() -> this.wx.getUserService().getPhoneNumber(phoneCode.path("code").asString()), 40029);
	}

	@Test
	void getUserInfoWhenEncryptedDataSealedWithSessionKeyThenDecryptedAndSignatureChecked() throws WxErrorException {
		String sessionKey = this.wx.getUserService()
			.getSessionInfo(wxLogin("wxjava-carol").path("code").asString())
			.getSessionKey();
		JsonNode sealed = json(emulator.post("/emulator/wx/encrypted-data", "application/json",
				"{\"user\":\"wxjava-carol\",\"data\":{\"nickName\":\"Band\",\"gender\":1}}"));
		String rawData = sealed.path("rawData").asString();
		assertThat(this.wx.getUserService().checkUserInfo(sessionKey, rawData, sealed.path("signature").asString()))
			.isTrue();
		assertThat(this.wx.getUserService()
			.checkUserInfo(sessionKey, rawData.replace("Band", "Bend"), sealed.path("signature").asString())).isFalse();
		WxMaUserInfo user = this.wx.getUserService()
			.getUserInfo(sessionKey, sealed.path("encryptedData").asString(), sealed.path("iv").asString());
		assertThat(user.getNickName()).isEqualTo("Band");
		assertThat(user.getGender()).isEqualTo("1");
		assertThat(user.getWatermark().getAppid()).isEqualTo(APP.appid());
	}

	@Test
	void checkSessionAndResetWhenSignedWithCurrentKeyThenOkAndOldKeyRefused() throws WxErrorException {
		WxMaJscode2SessionResult session = this.wx.getUserService()
			.getSessionInfo(wxLogin("wxjava-dave").path("code").asString());
		String openid = session.getOpenid();
		assertThat(errcode(checkSession(openid, session.getSessionKey()))).isZero();
		JsonNode reset = json(
				this.wx.get(WECHAT + "/wxa/resetusersessionkey", signed(openid, session.getSessionKey())));
		String newKey = reset.path("session_key").asString();
		assertThat(newKey).hasSize(24).isNotEqualTo(session.getSessionKey());
		assertErrcode(() -> checkSession(openid, session.getSessionKey()), 87009);
		assertThat(errcode(checkSession(openid, newKey))).isZero();
	}

	@Test
	void getSessionInfoWhenWeChatAnswersMinusOneThenSdkRetriesAndCountsShowEachTry() {
		this.wx.setRetrySleepMillis(1);
		this.wx.setMaxRetryTimes(2);
		emulator.put("/emulator/faults", "{\"endpoints\":{\"jscode2session\":{\"errcode\":-1,\"errorRate\":1}}}");
		String code = wxLogin("wxjava-erin").path("code").asString();
		assertErrcode(() -> this.wx.getUserService().getSessionInfo(code), -1);
		assertThat(calls().path("jscode2session").path("-1").asInt()).isEqualTo(3);
	}

	/** What an application does: only the host changes. */
	private static WxMaService sdk(boolean stableToken) {
		WxMaDefaultConfigImpl config = new WxMaDefaultConfigImpl();
		config.setAppid(APP.appid());
		config.setSecret(APP.secret());
		config.setApiHostUrl(emulator.url());
		config.useStableAccessToken(stableToken);
		WxMaService service = new WxMaServiceImpl();
		service.setWxMaConfig(config);
		return service;
	}

	/**
	 * WxJava has no call for the documented {@code checksession}: its
	 * {@code checkSessionKey} calls {@code /wxa/checksessionkey} instead, so it goes
	 * through the SDK's generic GET, which adds the token and the host.
	 */
	private String checkSession(String openid, String sessionKey) throws WxErrorException {
		return this.wx.get(WECHAT + "/wxa/checksession", signed(openid, sessionKey));
	}

	/** The documented signature: HMAC-SHA256 of the empty string, in lowercase hex. */
	private static String signed(String openid, String sessionKey) {
		return "openid=" + openid + "&signature="
				+ SignUtils.createHmacSha256Sign("", sessionKey).toLowerCase(Locale.ROOT) + "&sig_method=hmac_sha256";
	}

	private static JsonNode wxLogin(String user) {
		return json(emulator.post("/emulator/wx/login", "application/json", "{\"user\":\"" + user + "\"}"));
	}

	private static JsonNode calls() {
		return json(emulator.get("/emulator/calls"));
	}

	private static int errcode(String answer) {
		return JSON.readTree(answer).path("errcode").asInt();
	}

	private static void assertErrcode(WeChatCall call, int errcode) {
		assertThatExceptionOfType(WxErrorException.class).isThrownBy(call::run)
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo(errcode));
	}

	private static JsonNode json(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static JsonNode json(String body) {
		return JSON.readTree(body);
	}

	@FunctionalInterface
	private interface WeChatCall {

		void run() throws WxErrorException;

	}

}
