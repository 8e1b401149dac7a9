package io.miniauth.server.auth;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.miniauth.server.web.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

/**
 * The app a request names, if any: an {@code appid} query parameter, or the
 * {@code Referer} that WeChat sets on every mini program request
 * ({@code https://servicewechat.com/<appid>/<version>/page-frame.html}).
 */
public final class RequestedApp {

	private static final Pattern MINI_PROGRAM_REFERER = Pattern.compile("^https://servicewechat\\.com/([^/]+)/");

	private RequestedApp() {
	}

	/**
	 * The app the request names.
	 * @param request the request
	 * @return the appid, or {@code null} when it names none
	 * @throws InvalidRequestException when the parameter and the Referer differ
	 */
	public static String from(HttpServletRequest request) {
		String appid = request.getParameter("appid");
		String named = (appid != null && !appid.isBlank()) ? appid.strip() : null;
		String referer = request.getHeader(HttpHeaders.REFERER);
		if (referer != null) {
			Matcher matcher = MINI_PROGRAM_REFERER.matcher(referer);
			if (matcher.find()) {
				if (named != null && !named.equals(matcher.group(1))) {
					// which of the two is right would be a guess
					throw new InvalidRequestException("invalid.appid-referer-mismatch",
							"The appid parameter and the Referer name different apps");
				}
				return matcher.group(1);
			}
		}
		return named;
	}

}
