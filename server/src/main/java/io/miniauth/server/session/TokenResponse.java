package io.miniauth.server.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.miniauth.server.user.UserProfile;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;

/**
 * The answer of {@code POST /user/login} and {@code POST /user/token/refresh}.
 *
 * @param msg a readable message
 * @param token the access token
 * @param tokenType always {@code Bearer}
 * @param expiresIn the access token's lifetime in seconds
 * @param refreshToken the refresh token; it works once
 * @param refreshExpiresIn the refresh token's lifetime in seconds
 * @param isNewUser whether the login created the user; absent on refresh
 * @param user the user's profile
 */
public record TokenResponse(String msg, String token, String tokenType, long expiresIn, String refreshToken,
		long refreshExpiresIn, @JsonProperty("isNewUser") @JsonInclude(JsonInclude.Include.NON_NULL) Boolean isNewUser,
		UserProfile user) {

	/**
	 * The HTTP answer carrying these tokens, which no cache may keep (RFC 6749 §5.1).
	 * @return the answer
	 */
	public ResponseEntity<TokenResponse> toResponse() {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(this);
	}

	@Override
	public String toString() {
		return "TokenResponse[user=" + this.user.id() + ", isNewUser=" + this.isNewUser + "]";
	}

}
