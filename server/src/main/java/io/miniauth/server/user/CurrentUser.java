package io.miniauth.server.user;

import io.miniauth.server.token.Caller;
import io.miniauth.server.token.TokenInvalidException;

import org.springframework.stereotype.Component;

/**
 * The user a verified access token belongs to.
 */
@Component
public class CurrentUser {

	private final UserRepository users;

	CurrentUser(UserRepository users) {
		this.users = users;
	}

	/**
	 * Loads the caller's user.
	 * @param caller the verified caller
	 * @return the user
	 * @throws TokenInvalidException when the user no longer exists in the token's app
	 */
	public User of(Caller caller) {
		return this.users.findById(caller.userId())
			.filter((user) -> user.appid().equals(caller.appid()))
			.orElseThrow(CurrentUser::gone);
	}

	/**
	 * Loads the caller's WeChat session keys, without the rest of the user.
	 * @param caller the verified caller
	 * @return the keys
	 * @throws TokenInvalidException when the user no longer exists in the token's app
	 */
	public SessionKeys sessionKeys(Caller caller) {
		return this.users.findSessionKeys(caller.userId())
			.filter((keys) -> keys.appid().equals(caller.appid()))
			.orElseThrow(CurrentUser::gone);
	}

	private static TokenInvalidException gone() {
		return new TokenInvalidException("The access token's user no longer exists");
	}

}
