package io.miniauth.server.login;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.miniauth.server.user.UserProfile;

/**
 * {@code POST /user/login}'s answer.
 *
 * @param msg a readable message
 * @param token the access token
 * @param tokenType always {@code Bearer}
 * @param expiresIn the access token's lifetime in seconds
 * @param isNewUser whether this login created the user
 * @param user the user's profile
 */
record LoginResponse(String msg, String token, String tokenType, long expiresIn,
		@JsonProperty("isNewUser") boolean isNewUser, UserProfile user) {

	@Override
	public String toString() {
		return "LoginResponse[user=" + this.user.id() + ", isNewUser=" + this.isNewUser + "]";
	}

}
