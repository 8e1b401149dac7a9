package io.miniauth.server.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

/**
 * Where a login came from, as recorded on its session.
 *
 * @param ip the client address
 * @param userAgent the User-Agent, cut to 512 characters
 */
public record ClientInfo(String ip, String userAgent) {

	private static final int MAX_USER_AGENT = 512;

	public static ClientInfo of(HttpServletRequest request, ClientAddress address) {
		String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
		if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
			userAgent = userAgent.substring(0, MAX_USER_AGENT);
		}
		return new ClientInfo(address.of(request), userAgent);
	}

}
