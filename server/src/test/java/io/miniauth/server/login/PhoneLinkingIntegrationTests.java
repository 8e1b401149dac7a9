package io.miniauth.server.login;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.ServerHttpTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The apps' {@code link-by-phone} policies and {@code phone-rebind}: users of different
 * apps who bind one phone number are reported as one person, never merged.
 */
@TestPropertySource(properties = { "miniauth.emulator.enabled=true", "miniauth.apps[0].appid=wxlinkshop0000001",
		"miniauth.apps[0].secret=secret-a", "miniauth.apps[0].open-platform=open-1",
		"miniauth.apps[0].link-by-phone=same-open-platform", "miniauth.apps[1].appid=wxlinkclub0000002",
		"miniauth.apps[1].secret=secret-b", "miniauth.apps[1].open-platform=open-1",
		"miniauth.apps[1].link-by-phone=same-open-platform", "miniauth.apps[2].appid=wxlinkany00000003",
		"miniauth.apps[2].secret=secret-c", "miniauth.apps[2].link-by-phone=all-apps",
		"miniauth.apps[3].appid=wxlinknone0000004", "miniauth.apps[3].secret=secret-d",
		"miniauth.apps[3].open-platform=open-1", "miniauth.apps[4].appid=wxrebind000000005",
		"miniauth.apps[4].secret=secret-e", "miniauth.apps[4].phone-rebind=true" })
class PhoneLinkingIntegrationTests extends ServerHttpTests {

	private static final String SHOP = "wxlinkshop0000001";

	private static final String CLUB = "wxlinkclub0000002";

	private static final String ANY = "wxlinkany00000003";

	private static final String NONE = "wxlinknone0000004";

	private static final String REBIND = "wxrebind000000005";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void loginWhenPhoneOfAUserOfAnAppOnTheSameOpenPlatformThenSamePersonBothWays() {
		JsonNode shop = loginWithPhone("shopper", SHOP, "13700000001");

		JsonNode club = loginWithPhone("member", CLUB, "13700000001");

		String personId = shop.at("/user/personId").asString();
		assertThat(personId).isEqualTo(shop.at("/user/id").asString());
		assertThat(club.at("/user/personId").asString()).isEqualTo(personId);
		assertThat(club.at("/user/id").asString()).isNotEqualTo(shop.at("/user/id").asString());
		assertThat(club.at("/user/linkedApps").toString()).contains(SHOP);
		assertThat(me(shop).get("linkedApps").toString()).contains(CLUB);
		assertThat(claims(club.get("token").asString()).get("pid").asString()).isEqualTo(personId);
	}

	@Test
	void loginWhenLinkByPhoneNoneThenOwnPerson() {
		JsonNode shop = loginWithPhone("unlinked-shopper", SHOP, "13700000002");

		JsonNode none = loginWithPhone("unlinked-other", NONE, "13700000002");

		assertThat(none.at("/user/personId").asString()).isEqualTo(none.at("/user/id").asString())
			.isNotEqualTo(shop.at("/user/personId").asString());
		assertThat(none.at("/user/linkedApps").toString()).doesNotContain(SHOP);
	}

	@Test
	void loginWhenLinkSameOpenPlatformAndPhoneOnAnAppOfNoPlatformThenNotLinked() {
		JsonNode any = loginWithPhone("platformless", ANY, "13700000003");

		JsonNode shop = loginWithPhone("platform-shopper", SHOP, "13700000003");

		assertThat(shop.at("/user/personId").asString()).isEqualTo(shop.at("/user/id").asString())
			.isNotEqualTo(any.at("/user/personId").asString());
	}

	@Test
	void loginWhenLinkAllAppsThenLinkedToAnAppOfAnotherPlatform() {
		JsonNode shop = loginWithPhone("everywhere-shopper", SHOP, "13700000004");

		JsonNode any = loginWithPhone("everywhere-any", ANY, "13700000004");

		assertThat(any.at("/user/personId").asString()).isEqualTo(shop.at("/user/personId").asString());
		assertThat(any.at("/user/linkedApps").toString()).contains(SHOP);
	}

	@Test
	void loginWhenPhoneRebindAllowedThenOldUserLosesThePhoneAndIsTold() {
		JsonNode old = loginWithPhone("old-holder", REBIND, "13700000005");

		JsonNode fresh = loginWithPhone("new-holder", REBIND, "13700000005");

		assertThat(fresh.at("/user/phoneNumber").asString()).isEqualTo("13700000005");
		assertThat(me(old).get("phoneNumber").isNull()).isTrue();
		JsonNode events = this.api.get("/user/events", "Authorization", "Bearer " + old.get("token").asString())
			.json()
			.get("events");
		assertThat(events.toString()).contains("phone_unbound");
	}

	@Test
	void loginWhenPhoneRebindNotAllowedThen409() {
		loginWithPhone("first-holder", SHOP, "13700000006");

		Reply reply = this.api.post("/user/login", Api.json(Map.of("code", this.api.wxLogin("second-holder", SHOP),
				"appid", SHOP, "phoneCode", phoneCode("second-holder", SHOP, "13700000006"))));

		assertThat(reply.status()).isEqualTo(409);
		assertThat(reply.code()).isEqualTo("PHONE_IN_USE");
	}

	private JsonNode loginWithPhone(String user, String appid, String phoneNumber) {
		Reply reply = this.api.post("/user/login", Api.json(Map.of("code", this.api.wxLogin(user, appid), "appid",
				appid, "phoneCode", phoneCode(user, appid, phoneNumber))));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json();
	}

	private String phoneCode(String user, String appid, String phoneNumber) {
		Map<String, String> request = new LinkedHashMap<>();
		request.put("user", user);
		request.put("appid", appid);
		request.put("phoneNumber", phoneNumber);
		return this.api.post("/emulator/wx/phone-code", Api.json(request)).json().get("code").asString();
	}

	private JsonNode me(JsonNode login) {
		return this.api.get("/user/me", "Authorization", "Bearer " + login.get("token").asString()).json();
	}

	private static JsonNode claims(String token) {
		return JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
	}

}
