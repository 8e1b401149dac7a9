package io.miniauth.server.token;

/**
 * Who sent a request, as its verified access token says.
 *
 * @param userId the user's public id
 * @param appid the app the token was issued for
 * @param sessionId the session the token belongs to
 */
public record Caller(String userId, String appid, String sessionId) {
}
