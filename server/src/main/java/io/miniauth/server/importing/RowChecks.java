package io.miniauth.server.importing;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.miniauth.server.app.MiniApps;
import io.miniauth.server.problem.InvalidRequestException;
import io.miniauth.server.user.ProfileRules;
import io.miniauth.server.user.User;

/**
 * Checks a source row before anything is written: the profile fields by the rules of
 * {@code PATCH /user/me} ({@link ProfileRules}), the identifiers by WeChat's shape and
 * the columns' sizes.
 */
final class RowChecks {

	/** WeChat's openids and unionids: printable ASCII, no spaces, as the column holds. */
	private static final Pattern IDENTIFIER = Pattern.compile("[\\x21-\\x7E]{1,64}");

	private static final Pattern PHONE_NUMBER = Pattern.compile("\\+?[0-9]{5,20}");

	private static final int MAX_EXTERNAL_ID = 64;

	/** WeChat's session_key: 16 bytes in Base64. */
	private static final int SESSION_KEY_BYTES = 16;

	/** The mainland China calling code, which WeChat reports for a number without one. */
	private static final String MAINLAND_COUNTRY_CODE = "86";

	private final MiniApps apps;

	private final String defaultAppid;

	/**
	 * @param apps the configured apps
	 * @param defaultAppid the app of a row that names none, or {@code null} when a row
	 * must name its app
	 */
	RowChecks(MiniApps apps, String defaultAppid) {
		this.apps = apps;
		this.defaultAppid = defaultAppid;
	}

	/**
	 * Checks a row.
	 * @param row the row
	 * @return what it says
	 * @throws RowRefusedException when it breaks a rule
	 */
	ImportedUser check(SourceRow row) {
		if (row.problem() != null) {
			throw new RowRefusedException(row.problem());
		}
		String appid = appid(row.value(ImportField.APPID));
		String openid = row.value(ImportField.OPENID);
		if (openid == null || openid.isBlank()) {
			throw new RowRefusedException("openid is missing");
		}
		checkIdentifier("openid", openid);
		String unionid = row.value(ImportField.UNIONID);
		if (unionid != null) {
			checkIdentifier("unionid", unionid);
		}
		String nickName = row.value(ImportField.NICK_NAME);
		if (nickName != null) {
			if (nickName.isBlank()) {
				throw new RowRefusedException("nickName must not be blank");
			}
			profileRule(() -> ProfileRules.checkNickName(nickName));
		}
		String signature = row.value(ImportField.SIGNATURE);
		if (signature != null) {
			profileRule(() -> ProfileRules.checkSignature(signature));
		}
		String avatarUrl = row.value(ImportField.AVATAR_URL);
		if (avatarUrl != null) {
			profileRule(() -> ProfileRules.checkAvatarUrl(avatarUrl));
		}
		String externalId = row.value(ImportField.EXTERNAL_ID);
		if (externalId != null) {
			if (externalId.isBlank()) {
				throw new RowRefusedException("externalId must not be blank");
			}
			profileRule(() -> ProfileRules.checkText("externalId", externalId, MAX_EXTERNAL_ID));
		}
		String sessionKey = row.value(ImportField.SESSION_KEY);
		if (sessionKey != null) {
			checkSessionKey(sessionKey);
		}
		Set<ImportField> fields = EnumSet.noneOf(ImportField.class);
		fields.addAll(row.values().keySet());
		return new ImportedUser(appid, openid, fields, unionid, nickName, avatarUrl, signature,
				phone(row.value(ImportField.PHONE_NUMBER)), createdAt(row.value(ImportField.CREATED_AT)), externalId,
				sessionKey);
	}

	private String appid(String named) {
		if (named == null) {
			if (this.defaultAppid == null) {
				throw new RowRefusedException("appid is missing, and no --appid was given");
			}
			return this.defaultAppid;
		}
		if (!this.apps.contains(named)) {
			throw new RowRefusedException("appid " + named + " is not a configured app");
		}
		return named;
	}

	private static void checkIdentifier(String field, String value) {
		if (!IDENTIFIER.matcher(value).matches()) {
			throw new RowRefusedException(
					field + " must be 1 to 64 printable ASCII characters without spaces, as WeChat issues them");
		}
	}

	private static void checkSessionKey(String value) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(value);
		}
		catch (IllegalArgumentException ex) {
			key = new byte[0];
		}
		if (key.length != SESSION_KEY_BYTES) {
			// the value itself is never part of a reason
			throw new RowRefusedException("sessionKey is not a WeChat session_key (16 bytes in Base64)");
		}
	}

	private static User.Phone phone(String value) {
		if (value == null) {
			return null;
		}
		if (!PHONE_NUMBER.matcher(value).matches()) {
			throw new RowRefusedException("phoneNumber must be 5 to 20 digits, with an optional leading +");
		}
		// as WeChat reports it: a mainland number has no prefix, another one keeps its +
		return value.startsWith("+") ? new User.Phone(value, null, null)
				: new User.Phone(value, value, MAINLAND_COUNTRY_CODE);
	}

	/**
	 * An ISO-8601 instant ({@code 2024-05-06T07:08:09Z}, or with an offset), or a
	 * date-time without a zone ({@code 2024-05-06 07:08:09}, as DATETIME columns hold it)
	 * read as UTC. Kept to the microsecond, as the database keeps it.
	 */
	private static Instant createdAt(String value) {
		if (value == null) {
			return null;
		}
		String text = value.strip().replace(' ', 'T');
		try {
			Instant instant;
			if (text.endsWith("Z") || text.endsWith("z")) {
				instant = Instant.parse(text.toUpperCase(Locale.ROOT));
			}
			else if (text.matches(".*[+-]\\d{2}:?\\d{2}$") && text.indexOf('T') > 0) {
				instant = OffsetDateTime.parse(text).toInstant();
			}
			else {
				instant = LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
			}
			return instant.truncatedTo(ChronoUnit.MICROS);
		}
		catch (DateTimeParseException ex) {
			throw new RowRefusedException("createdAt must be an ISO-8601 date-time, such as 2024-05-06T07:08:09Z");
		}
	}

	private static void profileRule(Runnable check) {
		try {
			check.run();
		}
		catch (InvalidRequestException ex) {
			throw new RowRefusedException(ex.getMessage());
		}
	}

}
