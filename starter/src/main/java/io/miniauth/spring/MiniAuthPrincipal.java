package io.miniauth.spring;

import java.time.Instant;

/**
 * The MiniAuth user a request's access token names.
 *
 * @param userId the user's public id ({@code sub}), the key business data is filed under
 * @param appid the mini program the token was issued for ({@code aud})
 * @param sessionId the session the token belongs to ({@code sid})
 * @param expiresAt when the token expires
 */
public record MiniAuthPrincipal(String userId, String appid, String sessionId, Instant expiresAt) {

}
