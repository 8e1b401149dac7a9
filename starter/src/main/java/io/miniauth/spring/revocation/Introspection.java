package io.miniauth.spring.revocation;

import java.util.Optional;

import io.miniauth.spring.token.RevocationCheck;

import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Asks MiniAuth about every token (RFC 7662, {@code POST /oauth2/introspect}): an ended
 * session is refused at once, at the price of one call per request. When MiniAuth cannot
 * be asked the request fails (closed): this mode is chosen for exactness.
 */
public class Introspection implements RevocationCheck {

	private final RestClient client;

	/**
	 * @param client a client with MiniAuth's base URL and the API key as bearer token
	 */
	public Introspection(RestClient client) {
		this.client = client;
	}

	@Override
	public Optional<Ended> ended(Jwt jwt) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("token", jwt.getTokenValue());
		Answer answer;
		try {
			answer = this.client.post()
				.uri("/oauth2/introspect")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(form)
				.retrieve()
				.body(Answer.class);
		}
		catch (RestClientException ex) {
			throw new IntrospectionUnavailableException(ex);
		}
		if (answer != null && answer.active() && jwt.getClaimAsString("sid").equals(answer.sid())) {
			return Optional.empty();
		}
		return Optional.of(new Ended(null));
	}

	/**
	 * The part of an introspection answer that is needed here.
	 *
	 * @param active whether the token is active
	 * @param sid its session
	 */
	record Answer(boolean active, String sid) {

	}

}
