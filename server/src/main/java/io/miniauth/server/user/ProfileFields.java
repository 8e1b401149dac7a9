package io.miniauth.server.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The profile fields a change touched, by their names in {@code /user/me}.
 */
final class ProfileFields {

	private ProfileFields() {
	}

	static List<String> changed(User before, User after) {
		List<String> fields = new ArrayList<>();
		if (!Objects.equals(before.nickName(), after.nickName())) {
			fields.add("nickName");
		}
		if (!Objects.equals(before.avatarUrl(), after.avatarUrl())) {
			fields.add("avatarUrl");
		}
		if (!Objects.equals(before.signature(), after.signature())) {
			fields.add("signature");
		}
		return List.copyOf(fields);
	}

}
