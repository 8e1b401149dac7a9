package io.miniauth.server.importing;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.miniauth.server.app.MiniApp;
import io.miniauth.server.app.MiniApps;
import io.miniauth.server.user.User;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RowChecksTests {

	private final RowChecks checks = new RowChecks(
			new MiniApps(List.of(new MiniApp("wxapp0000000001", "s", null), new MiniApp("wxapp0000000002", "s", null))),
			"wxapp0000000001");

	@Test
	void checkWhenCreatedAtHasNoZoneThenReadAsUtc() {
		assertThat(check(Map.of(ImportField.CREATED_AT, "2024-05-06 07:08:09")).createdAt())
			.isEqualTo(Instant.parse("2024-05-06T07:08:09Z"));
		assertThat(check(Map.of(ImportField.CREATED_AT, "2024-05-06T07:08:09.123456789+08:00")).createdAt())
			.isEqualTo(Instant.parse("2024-05-05T23:08:09.123456Z"));
	}

	@Test
	void checkWhenPhoneNumberHasNoPrefixThenMainlandChina() {
		assertThat(check(Map.of(ImportField.PHONE_NUMBER, "13800138000")).phone())
			.isEqualTo(new User.Phone("13800138000", "13800138000", "86"));
		assertThat(check(Map.of(ImportField.PHONE_NUMBER, "+85261234567")).phone())
			.isEqualTo(new User.Phone("+85261234567", null, null));
	}

	@Test
	void checkWhenAppidNamedThenItMustBeConfigured() {
		assertThat(check(Map.of(ImportField.APPID, "wxapp0000000002")).appid()).isEqualTo("wxapp0000000002");
		assertThat(check(Map.of()).appid()).isEqualTo("wxapp0000000001");
		assertRefused(Map.of(ImportField.APPID, "wxother"), "appid wxother is not a configured app");
	}

	@Test
	void checkWhenFieldBreaksARuleThenRefusedWithItsReason() {
		assertRefused(Map.of(ImportField.NICK_NAME, "😀".repeat(31)), "nickName must be at most 30 characters");
		assertRefused(Map.of(ImportField.SIGNATURE, "a\nb"), "signature must not contain control characters");
		assertRefused(Map.of(ImportField.AVATAR_URL, "ftp://example.com/a.png"), "avatarUrl must be an https URL");
		assertRefused(Map.of(ImportField.UNIONID, "has space"),
				"unionid must be 1 to 64 printable ASCII characters without spaces, as WeChat issues them");
		assertRefused(Map.of(ImportField.EXTERNAL_ID, "x".repeat(65)), "externalId must be at most 64 characters");
		assertRefused(Map.of(ImportField.PHONE_NUMBER, "138-0013"),
				"phoneNumber must be 5 to 20 digits, with an optional leading +");
	}

	@Test
	void checkWhenSessionKeyIsNotWeChatsThenRefusedWithoutShowingIt() {
		String notAKey = "c2hvcnQ=";

		assertThatExceptionOfType(RowRefusedException.class)
			.isThrownBy(() -> check(Map.of(ImportField.SESSION_KEY, notAKey)))
			.withMessage("sessionKey is not a WeChat session_key (16 bytes in Base64)");
		assertThat(check(Map.of(ImportField.SESSION_KEY, "MTIzNDU2Nzg5MDEyMzQ1Ng==")).sessionKey())
			.isEqualTo("MTIzNDU2Nzg5MDEyMzQ1Ng==");
	}

	private ImportedUser check(Map<ImportField, String> values) {
		Map<ImportField, String> row = new EnumMap<>(ImportField.class);
		row.put(ImportField.OPENID, "o-1");
		row.putAll(values);
		return this.checks.check(new SourceRow("line 2", row, null));
	}

	private void assertRefused(Map<ImportField, String> values, String reason) {
		assertThatExceptionOfType(RowRefusedException.class).isThrownBy(() -> check(values)).withMessage(reason);
	}

}
