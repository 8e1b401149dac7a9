package io.miniauth.server.importing;

import java.util.Arrays;
import java.util.Optional;

/**
 * The MiniAuth fields an import fills, by the names a CSV header or a column mapping
 * uses.
 */
enum ImportField {

	APPID("appid"), OPENID("openid"), UNIONID("unionid"), NICK_NAME("nickName"), AVATAR_URL("avatarUrl"),
	SIGNATURE("signature"), PHONE_NUMBER("phoneNumber"), CREATED_AT("createdAt"), EXTERNAL_ID("externalId"),
	SESSION_KEY("sessionKey");

	private final String fieldName;

	ImportField(String fieldName) {
		this.fieldName = fieldName;
	}

	String fieldName() {
		return this.fieldName;
	}

	/**
	 * The field of a name, exactly as this enum spells it.
	 * @param name a header or mapping name
	 * @return the field, empty when there is none of that name
	 */
	static Optional<ImportField> named(String name) {
		return Arrays.stream(values()).filter((field) -> field.fieldName.equals(name)).findFirst();
	}

	static String allNames() {
		return String.join(",", Arrays.stream(values()).map(ImportField::fieldName).toList());
	}

}
