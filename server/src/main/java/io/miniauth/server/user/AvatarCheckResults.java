package io.miniauth.server.user;

import java.time.Clock;
import java.util.Map;

import io.miniauth.server.audit.AuthEventType;
import io.miniauth.server.audit.AuthEvents;
import io.miniauth.server.web.ClientInfo;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * Acts on WeChat's {@code wxa_media_check} pushes, the verdicts of the avatars submitted
 * with {@code media_check_async}: a risky avatar is removed (unless the user changed it
 * since) and an {@code avatar_removed} event recorded; one for review stays, flagged for
 * the operators as a nickname or signature for review is ({@code avatarUrl} among the
 * user's fields under review, and a {@code content_review} event); a pass ends the wait.
 * A push whose {@code trace_id} no avatar waits for (unknown, already decided, or of an
 * avatar replaced since) is ignored, so that WeChat's repeated deliveries do no harm.
 */
@Service
public class AvatarCheckResults {

	/** The push's event. */
	public static final String EVENT = "wxa_media_check";

	private static final ClientInfo NO_CLIENT = new ClientInfo(null, null);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final UserRepository users;

	private final AuthEvents events;

	private final Clock clock;

	AvatarCheckResults(UserRepository users, AuthEvents events, Clock clock) {
		this.users = users;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Handles one push.
	 * @param appid the app the push was for
	 * @param fields the push's top-level fields (nested ones as JSON text)
	 */
	public void handle(String appid, Map<String, String> fields) {
		String traceId = fields.get("trace_id");
		if (traceId == null || traceId.isEmpty()) {
			return;
		}
		User user = this.users.findByAvatarCheck(traceId).filter((found) -> found.appid().equals(appid)).orElse(null);
		if (user == null) {
			return;
		}
		String suggest = suggest(fields.get("result"));
		if ("risky".equals(suggest)) {
			if (this.users.clearCheckedAvatar(traceId, this.clock.instant())) {
				this.events.record(AuthEventType.AVATAR_REMOVED, "CONTENT_RISKY", null, appid, user.id(), null,
						NO_CLIENT);
			}
			return;
		}
		if ("review".equals(suggest)) {
			if (this.users.flagCheckedAvatar(traceId, this.clock.instant())) {
				this.events.record(AuthEventType.CONTENT_REVIEW, UserController.AVATAR_URL, null, appid, user.id(),
						null, NO_CLIENT);
			}
			return;
		}
		this.users.endAvatarCheck(traceId);
	}

	private static String suggest(String result) {
		if (result == null) {
			return "";
		}
		try {
			JsonNode node = JSON.readTree(result);
			return node.path("suggest").asString("");
		}
		catch (JacksonException ex) {
			return "";
		}
	}

}
