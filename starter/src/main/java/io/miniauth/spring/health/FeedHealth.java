package io.miniauth.spring.health;

import java.util.LinkedHashMap;
import java.util.Map;

import io.miniauth.spring.revocation.RevocationFeed;

/**
 * What the health check tells of the revocation feed, whichever Spring Boot line shows
 * it.
 */
final class FeedHealth {

	private FeedHealth() {
	}

	static Map<String, Object> details(RevocationFeed feed) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("stale", feed.isStale());
		details.put("ageSeconds", feed.age().toSeconds());
		if (feed.lastSuccess() != null) {
			details.put("lastSuccess", feed.lastSuccess().toString());
		}
		return details;
	}

}
