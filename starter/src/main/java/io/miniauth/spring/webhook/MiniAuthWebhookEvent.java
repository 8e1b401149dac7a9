package io.miniauth.spring.webhook;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationEvent;

/**
 * A MiniAuth webhook event, verified, as a Spring {@link ApplicationEvent}: an
 * {@code @EventListener} method with a parameter of this type receives each one, once per
 * event id within the receiver's deduplication window. A listener that throws makes the
 * receiver answer {@code 500}, so that MiniAuth delivers the event again later.
 *
 * <pre class="code">
 * &#64;EventListener(condition = "#event.userDeleted")
 * void erase(MiniAuthWebhookEvent event) {
 * 	members.deleteByUserId(event.getUserId());
 * }
 * </pre>
 */
public class MiniAuthWebhookEvent extends ApplicationEvent {

	/** A user's first login. */
	public static final String USER_CREATED = "user.created";

	/** A login that started a session. */
	public static final String SESSION_CREATED = "session.created";

	/** A session ended; {@link #getReason()} says why. */
	public static final String SESSION_ENDED = "session.ended";

	/** Profile fields changed. */
	public static final String USER_UPDATED = "user.updated";

	/** A phone number was bound. */
	public static final String USER_PHONE_BOUND = "user.phone_bound";

	/** An operator banned the user; {@link #getBannedUntil()} says until when. */
	public static final String USER_BANNED = "user.banned";

	/** An operator lifted the ban. */
	public static final String USER_UNBANNED = "user.unbanned";

	/** The user withdrew consent at WeChat. */
	public static final String USER_WECHAT_REVOKED = "user.wechat_revoked";

	/** The account was deleted: erase what is filed under the user id. */
	public static final String USER_DELETED = "user.deleted";

	private final String id;

	private final String type;

	private final Instant time;

	private final String app;

	private final String userId;

	private final Map<String, Object> data;

	/**
	 * An event as MiniAuth sent it.
	 * @param source the receiver
	 * @param id the event id ({@code webhook-id}), the same on every retry and replay
	 * @param type the event type, such as {@code user.created}
	 * @param time when it happened
	 * @param app the appid of the user's mini program
	 * @param userId the MiniAuth user id
	 * @param data the event's details
	 */
	public MiniAuthWebhookEvent(Object source, String id, String type, Instant time, String app, String userId,
			Map<String, Object> data) {
		super(source);
		this.id = id;
		this.type = type;
		this.time = time;
		this.app = app;
		this.userId = userId;
		this.data = (data != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(data)) : Map.of();
	}

	public String getId() {
		return this.id;
	}

	public String getType() {
		return this.type;
	}

	/**
	 * When the event happened at MiniAuth (not when it was delivered).
	 * @return the time
	 */
	public Instant getTime() {
		return this.time;
	}

	public String getApp() {
		return this.app;
	}

	public String getUserId() {
		return this.userId;
	}

	/**
	 * The event's details, as in MiniAuth's README for its type.
	 * @return the details, never {@code null}
	 */
	public Map<String, Object> getData() {
		return this.data;
	}

	public boolean isUserDeleted() {
		return USER_DELETED.equals(this.type);
	}

	public boolean isSessionEnded() {
		return SESSION_ENDED.equals(this.type);
	}

	public boolean isUserBanned() {
		return USER_BANNED.equals(this.type);
	}

	/**
	 * The session of a {@code session.created} or {@code session.ended} event.
	 * @return the session id, or {@code null}
	 */
	public String getSessionId() {
		return text("sessionId");
	}

	/**
	 * Why a session ended ({@code logout}, {@code banned}, {@code deleted}, ...), or why
	 * the user was banned.
	 * @return the reason, or {@code null}
	 */
	public String getReason() {
		return text("reason");
	}

	/**
	 * Until when a {@code user.banned} user is banned.
	 * @return the end of the ban, or {@code null} for a ban for good (or another type)
	 */
	public Instant getBannedUntil() {
		String until = isUserBanned() ? text("until") : null;
		return (until != null) ? Instant.parse(until) : null;
	}

	private String text(String name) {
		Object value = this.data.get(name);
		return (value != null) ? value.toString() : null;
	}

	@Override
	public String toString() {
		return "MiniAuthWebhookEvent[id=" + this.id + ", type=" + this.type + ", userId=" + this.userId + "]";
	}

}
