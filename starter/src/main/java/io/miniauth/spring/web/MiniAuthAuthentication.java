package io.miniauth.spring.web;

import java.util.Optional;

import io.miniauth.spring.MiniAuthPrincipal;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Finds the MiniAuth user of a request: the one Spring Security has authenticated, if it
 * did, or else the one the request's bearer token names, verified by the MiniAuth decoder
 * (signature, issuer, audience, expiry and the revocation check).
 */
public class MiniAuthAuthentication {

	static final String PRINCIPAL_ATTRIBUTE = MiniAuthPrincipal.class.getName();

	private final JwtDecoder decoder;

	public MiniAuthAuthentication(JwtDecoder decoder) {
		this.decoder = decoder;
	}

	/**
	 * The request's user.
	 * @param request the request
	 * @return the user
	 * @throws MiniAuthAuthenticationException when there is no valid token
	 */
	public MiniAuthPrincipal authenticate(HttpServletRequest request) {
		if (request.getAttribute(PRINCIPAL_ATTRIBUTE) instanceof MiniAuthPrincipal known) {
			return known;
		}
		MiniAuthPrincipal principal = fromSecurityContext().orElseGet(() -> fromHeader(request));
		request.setAttribute(PRINCIPAL_ATTRIBUTE, principal);
		return principal;
	}

	private MiniAuthPrincipal fromHeader(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() == 7) {
			throw new MiniAuthAuthenticationException(MiniAuthProblem.missing());
		}
		try {
			return principal(this.decoder.decode(header.substring(7).strip()));
		}
		catch (JwtException ex) {
			throw new MiniAuthAuthenticationException(MiniAuthProblem.of(ex));
		}
	}

	private static Optional<MiniAuthPrincipal> fromSecurityContext() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
			return Optional.of(principal(jwt));
		}
		return Optional.empty();
	}

	/**
	 * The user a verified token names.
	 * @param jwt a verified MiniAuth access token
	 * @return its user
	 */
	public static MiniAuthPrincipal principal(Jwt jwt) {
		return new MiniAuthPrincipal(jwt.getSubject(), jwt.getAudience().get(0), jwt.getClaimAsString("sid"),
				jwt.getExpiresAt());
	}

}
