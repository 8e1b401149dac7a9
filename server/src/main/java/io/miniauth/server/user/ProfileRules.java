package io.miniauth.server.user;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import io.miniauth.server.web.InvalidRequestException;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * What a profile field may hold, wherever it comes from ({@code PATCH /user/me} or an
 * import): {@code nickName} is 1 to 30 characters and {@code signature} at most 30,
 * counted as code points (an emoji built from several, such as a flag, counts as
 * several); {@code avatarUrl} is an {@code https} URL of at most 512 characters; control
 * characters are refused everywhere. Text refuses invisible characters, bidi overrides,
 * line separators, lone surrogates and spaces only.
 */
public final class ProfileRules {

	static final int MAX_NICK_NAME = 30;

	static final int MAX_SIGNATURE = 30;

	static final int MAX_AVATAR_URL = 512;

	private static final int ZERO_WIDTH_JOINER = 0x200D;

	/** Hangul fillers: letters that draw nothing. */
	private static final Set<Integer> FILLERS = Set.of(0x115F, 0x1160, 0x3164, 0xFFA0);

	private ProfileRules() {
	}

	/**
	 * Checks a nickname.
	 * @param nickName the nickname, not {@code null}
	 * @throws InvalidRequestException when it breaks a rule
	 */
	public static void checkNickName(String nickName) {
		if (nickName.isBlank()) {
			throw new InvalidRequestException("invalid.nick-name-blank",
					"nickName must not be blank (send null to clear it)");
		}
		checkText("nickName", nickName, MAX_NICK_NAME);
	}

	/**
	 * Checks a signature line.
	 * @param signature the signature, not {@code null}
	 * @throws InvalidRequestException when it breaks a rule
	 */
	public static void checkSignature(String signature) {
		checkText("signature", signature, MAX_SIGNATURE);
	}

	/**
	 * Checks an avatar URL.
	 * @param avatarUrl the URL, not {@code null}
	 * @throws InvalidRequestException when it breaks a rule
	 */
	public static void checkAvatarUrl(String avatarUrl) {
		if (avatarUrl.length() > MAX_AVATAR_URL) {
			throw new InvalidRequestException("invalid.too-long",
					"avatarUrl must be at most " + MAX_AVATAR_URL + " characters", fieldName("avatarUrl"),
					MAX_AVATAR_URL);
		}
		try {
			URI uri = new URI(avatarUrl);
			if (!"https".equals(uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT))
					|| uri.getHost() == null) {
				throw new InvalidRequestException("invalid.avatar-url-https", "avatarUrl must be an https URL");
			}
		}
		catch (URISyntaxException ex) {
			throw new InvalidRequestException("invalid.avatar-url-https", "avatarUrl must be an https URL");
		}
	}

	/**
	 * Checks a line of text: at most so many code points, no control characters.
	 * @param field the field's name, for the message
	 * @param value the text, not {@code null}
	 * @param max the most code points
	 * @throws InvalidRequestException when it breaks a rule
	 */
	public static void checkText(String field, String value, int max) {
		if (value.codePointCount(0, value.length()) > max) {
			throw new InvalidRequestException("invalid.too-long", field + " must be at most " + max + " characters",
					fieldName(field), max);
		}
		if (value.codePoints().anyMatch(Character::isISOControl)) {
			throw new InvalidRequestException("invalid.control-characters",
					field + " must not contain control characters", fieldName(field));
		}
		if (value.codePoints().anyMatch(ProfileRules::isHidden)) {
			throw new InvalidRequestException("invalid.hidden-characters", field
					+ " must not contain invisible or direction-changing characters, line separators or broken characters",
					fieldName(field));
		}
		if (!value.isEmpty() && value.codePoints().allMatch(ProfileRules::isBlank)) {
			throw new InvalidRequestException("invalid.only-spaces",
					field + " must not be only spaces (send null to clear it)", fieldName(field));
		}
	}

	/**
	 * Characters that a reader cannot see, that change the direction of what follows
	 * (bidi overrides and isolates), that break lines, or that are half a character (lone
	 * surrogates) or none (unassigned). The zero-width joiner stays allowed: emoji such
	 * as 👨‍👩‍👧 are made with it.
	 */
	private static boolean isHidden(int codePoint) {
		if (codePoint == ZERO_WIDTH_JOINER) {
			return false;
		}
		int type = Character.getType(codePoint);
		return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
				|| type == Character.SURROGATE || type == Character.UNASSIGNED || FILLERS.contains(codePoint);
	}

	private static boolean isBlank(int codePoint) {
		return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
	}

	/**
	 * A field's name as the person reading the message calls it.
	 * @param field the field
	 * @return its name, from the message bundles
	 */
	static MessageSourceResolvable fieldName(String field) {
		return new DefaultMessageSourceResolvable(new String[] { "field." + field }, field);
	}

}
