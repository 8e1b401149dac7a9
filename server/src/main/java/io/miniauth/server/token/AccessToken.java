package io.miniauth.server.token;

import java.time.Instant;

/**
 * A verified access token.
 *
 * @param userId the user it was issued to ({@code sub})
 * @param appid the app it was issued for ({@code aud})
 * @param sessionId the session it belongs to ({@code sid})
 * @param expiresAt when it stops being valid ({@code exp})
 */
public record AccessToken(String userId, String appid, String sessionId, Instant expiresAt) {
}
