package io.miniauth.server.audit;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.miniauth.server.token.Caller;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /user/events}: the caller's recent security events, like the "recent
 * activity" page of a large service.
 */
@RestController
class AuthEventController {

	private final AuthEvents events;

	AuthEventController(AuthEvents events) {
		this.events = events;
	}

	@GetMapping("/user/events")
	EventList recentEvents(Caller caller) {
		return new EventList(this.events.recent(caller.userId()).stream().map(EventView::of).toList());
	}

	record EventList(List<EventView> events) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record EventView(Instant time, String event, String outcome, String sessionId, String ip, String userAgent) {

		static EventView of(AuthEvent event) {
			return new EventView(event.occurredAt(), event.type().name().toLowerCase(Locale.ROOT), event.outcome(),
					event.sessionId(), event.clientIp(), event.userAgent());
		}

	}

}
