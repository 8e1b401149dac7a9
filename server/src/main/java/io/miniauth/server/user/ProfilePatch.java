package io.miniauth.server.user;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.miniauth.server.web.InvalidRequestException;
import tools.jackson.databind.JsonNode;

/**
 * The changes a {@code PATCH /user/me} asks for, in JSON merge-patch style: a field left
 * out stays as it is, {@code null} clears it, a value replaces it. Unknown fields are
 * refused, so that a typo is not silently ignored.
 * <p>
 * Rules: {@code nickName} is 1 to 30 characters, {@code signature} at most 30, counted as
 * code points (an emoji built from several, such as a flag, counts as several);
 * {@code avatarUrl} is an {@code https} URL of at most 512 characters; control characters
 * are refused everywhere.
 */
final class ProfilePatch {

	static final int MAX_NICK_NAME = 30;

	static final int MAX_SIGNATURE = 30;

	static final int MAX_AVATAR_URL = 512;

	private static final Set<String> FIELDS = Set.of("nickName", "avatarUrl", "signature");

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
			throw new InvalidRequestException("The request body must be a JSON object");
		}
		for (Iterator<Map.Entry<String, JsonNode>> fields = body.properties().iterator(); fields.hasNext();) {
			Map.Entry<String, JsonNode> field = fields.next();
			if (!FIELDS.contains(field.getKey())) {
				throw new InvalidRequestException("Unknown field " + quoted(field.getKey())
						+ ": only nickName, avatarUrl and signature can be changed");
			}
			if (!field.getValue().isNull() && !field.getValue().isString()) {
				throw new InvalidRequestException(field.getKey() + " must be a string or null");
			}
		}
		ProfilePatch patch = new ProfilePatch(body);
		patch.check();
		return patch;
	}

	User applyTo(User user) {
		return new User(user.id(), user.appid(), user.openid(), user.unionid(), value("nickName", user.nickName()),
				value("avatarUrl", user.avatarUrl()), emptyAsNull(value("signature", user.signature())), user.phone(),
				user.createdAt(), user.lastLoginAt(), user.personId(), user.contentReview());
	}

	/**
	 * The text a field is set to, when the patch sets it to a non-empty text.
	 * @param field {@code nickName}, {@code avatarUrl} or {@code signature}
	 * @return the new value, empty when the field is left out, cleared or emptied
	 */
	Optional<String> newText(String field) {
		return Optional.ofNullable(emptyAsNull(value(field, null)));
	}

	/**
	 * Whether the patch names a field at all (to set or to clear it).
	 * @param field the field
	 * @return {@code true} when it is in the body
	 */
	boolean touches(String field) {
		return this.body.has(field);
	}

	private void check() {
		String nickName = value("nickName", null);
		if (nickName != null) {
			if (nickName.isBlank()) {
				throw new InvalidRequestException("nickName must not be blank (send null to clear it)");
			}
			checkText("nickName", nickName, MAX_NICK_NAME);
		}
		String signature = value("signature", null);
		if (signature != null) {
			checkText("signature", signature, MAX_SIGNATURE);
		}
		String avatarUrl = value("avatarUrl", null);
		if (avatarUrl != null) {
			checkAvatarUrl(avatarUrl);
		}
	}

	private String value(String field, String current) {
		JsonNode node = this.body.get(field);
		if (node == null) {
			return current;
		}
		return node.isNull() ? null : node.asString();
	}

	private static void checkText(String field, String value, int max) {
		if (value.codePointCount(0, value.length()) > max) {
			throw new InvalidRequestException(field + " must be at most " + max + " characters");
		}
		if (value.codePoints().anyMatch(Character::isISOControl)) {
			throw new InvalidRequestException(field + " must not contain control characters");
		}
	}

	private static void checkAvatarUrl(String value) {
		if (value.length() > MAX_AVATAR_URL) {
			throw new InvalidRequestException("avatarUrl must be at most " + MAX_AVATAR_URL + " characters");
		}
		try {
			URI uri = new URI(value);
			if (!"https".equals(uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT))
					|| uri.getHost() == null) {
				throw new InvalidRequestException("avatarUrl must be an https URL");
			}
		}
		catch (URISyntaxException ex) {
			throw new InvalidRequestException("avatarUrl must be an https URL");
		}
	}

	private static String emptyAsNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	private static String quoted(String name) {
		String shown = (name.length() > 40) ? name.substring(0, 40) + "…" : name;
		return "'" + shown + "'";
	}

}
