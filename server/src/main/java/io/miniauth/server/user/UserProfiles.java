package io.miniauth.server.user;

import org.springframework.stereotype.Component;

/**
 * Builds the profile the API shows for a user, with the apps linked by unionid.
 * <p>
 * Linking rule: when WeChat reports for a user of app B a unionid that a user of app A
 * already has, both users keep their own rows, ids, tokens and profiles; they only show
 * each other's app in {@code linkedApps}. Users are never merged.
 */
@Component
public class UserProfiles {

	private final UserRepository users;

	UserProfiles(UserRepository users) {
		this.users = users;
	}

	public UserProfile of(User user) {
		return UserProfile.of(user, this.users.findLinkedApps(user));
	}

}
