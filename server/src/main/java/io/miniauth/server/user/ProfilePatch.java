package io.miniauth.server.user;

import java.text.Normalizer;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import io.miniauth.server.web.InvalidRequestException;
import tools.jackson.databind.JsonNode;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The changes a {@code PATCH /user/me} asks for, in JSON merge-patch style: a field left
 * out stays as it is, {@code null} clears it, a value replaces it. Unknown fields are
 * refused, so that a typo is not silently ignored.
 * <p>
 * The rules for each field are {@link ProfileRules}.
 */
final class ProfilePatch {

	private static final Set<String> FIELDS = Set.of("nickName", "avatarUrl", "signature");

	private static final int ZERO_WIDTH_JOINER = 0x200D;

	/** Letters that show as nothing: the Hangul fillers. */
	private static final Set<Integer> FILLERS = Set.of(0x115F, 0x1160, 0x3164, 0xFFA0);

	private final JsonNode body;

	private ProfilePatch(JsonNode body) {
		this.body = body;
	}

	/**
	 * Reads and checks a request body.
	 * @param body the parsed JSON
	 * @return the patch
	 * @throws InvalidRequestException when the body breaks a rule
	 */
	static ProfilePatch read(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw new InvalidRequestException("invalid.body-not-object", "The request body must be a JSON object");
		}
		for (Iterator<Map.Entry<String, JsonNode>> fields = body.properties().iterator(); fields.hasNext();) {
			Map.Entry<String, JsonNode> field = fields.next();
			if (!FIELDS.contains(field.getKey())) {
				throw new InvalidRequestException("invalid.profile-field", "Unknown field " + quoted(field.getKey())
						+ ": only nickName, avatarUrl and signature can be changed", quoted(field.getKey()));
			}
			if (!field.getValue().isNull() && !field.getValue().isString()) {
				throw new InvalidRequestException("invalid.string-or-null",
						field.getKey() + " must be a string or null", fieldName(field.getKey()));
			}
		}
		ProfilePatch patch = new ProfilePatch(body);
		patch.check();
		return patch;
	}

	User applyTo(User user) {
		return new User(user.id(), user.appid(), user.openid(), user.unionid(), value("nickName", user.nickName()),
				value("avatarUrl", user.avatarUrl()), emptyAsNull(value("signature", user.signature())), user.phone(),
				user.createdAt(), user.lastLoginAt(), user.externalId());
	}

	private void check() {
		String nickName = value("nickName", null);
		if (nickName != null) {
			ProfileRules.checkNickName(nickName);
		}
		String signature = value("signature", null);
		if (signature != null) {
			ProfileRules.checkSignature(signature);
		}
		String avatarUrl = value("avatarUrl", null);
		if (avatarUrl != null) {
			ProfileRules.checkAvatarUrl(avatarUrl);
		}
	}

	private String value(String field, String current) {
		JsonNode node = this.body.get(field);
		if (node == null) {
			return current;
		}
		// stored in one normal form (NFC), so that equal text is stored equally
		return node.isNull() ? null : Normalizer.normalize(node.asString(), Normalizer.Form.NFC);
	}

	private static String emptyAsNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	/**
	 * A field's name as the person reads it ({@code field.nickName} in the bundles: 昵称 in
	 * Chinese), its JSON name otherwise.
	 */
	private static MessageSourceResolvable fieldName(String field) {
		return new DefaultMessageSourceResolvable(new String[] { "field." + field }, field);
	}

	private static String quoted(String name) {
		String shown = (name.length() > 40) ? name.substring(0, 40) + "…" : name;
		return "'" + shown + "'";
	}

}
