package io.miniauth.server.user;

import java.util.List;

import io.miniauth.server.app.MiniApps;

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

	private final MiniApps apps;

	UserProfiles(UserRepository users, MiniApps apps) {
		this.users = users;
		this.apps = apps;
	}

	public UserProfile of(User user) {
		if (this.apps.all().size() < 2) {
			// a linked user would be in another configured app: with one app, no query
			return UserProfile.of(user, List.of());
		}
		List<String> linked = this.users.findLinkedApps(user).stream().filter(this.apps::contains).toList();
		return UserProfile.of(user, linked);
	}

}
