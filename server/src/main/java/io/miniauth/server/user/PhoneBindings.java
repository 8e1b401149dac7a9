package io.miniauth.server.user;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.miniauth.server.app.MiniApp;
import io.miniauth.server.app.MiniApps;
import io.miniauth.server.audit.AuthEventType;
import io.miniauth.server.audit.AuthEvents;
import io.miniauth.server.web.ClientInfo;
import io.miniauth.server.webhook.WebhookEventType;
import io.miniauth.server.webhook.WebhookEvents;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Binds phone numbers to users, under the app's rules: one user per number within an app
 * (another user's number is refused with 409 {@code PHONE_IN_USE}, or moves to the new
 * user when the app allows re-binding), and, across apps, the app's {@code link-by-phone}
 * policy: a user who binds a number that a user of a linked app has bound becomes that
 * user's person ({@code personId}). Rows are never merged.
 */
@Service
public class PhoneBindings {

	private final UserRepository users;

	private final MiniApps apps;

	private final AuthEvents events;

	private final TransactionTemplate transaction;

	private final WebhookEvents webhooks;

	private final Clock clock;

	PhoneBindings(UserRepository users, MiniApps apps, AuthEvents events, WebhookEvents webhooks,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.users = users;
		this.webhooks = webhooks;
		this.apps = apps;
		this.events = events;
		this.transaction = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * Checks, before anything is written, that a number may be bound to a user.
	 * @param app the user's app
	 * @param openid the user (who may not exist yet)
	 * @param phone the number
	 * @throws PhoneInUseException when another user of the app has it and it may not move
	 */
	public void checkFree(MiniApp app, String openid, User.Phone phone) {
		if (!app.phoneRebind() && holderInApp(app, openid, phone).isPresent()) {
			throw new PhoneInUseException();
		}
	}

	/**
	 * Binds a number to a user: takes it from another user of the app when allowed, and
	 * links the user to the person of a linked app's user who has it.
	 * @param app the user's app
	 * @param user the user
	 * @param phone the number
	 * @param sessionId the session the binding came in on, or {@code null}
	 * @param client where it came from
	 * @return the user after the binding
	 * @throws PhoneInUseException when another user of the app has it and it may not move
	 */
	public User bind(MiniApp app, User user, User.Phone phone, String sessionId, ClientInfo client) {
		Instant now = this.clock.instant();
		Optional<User> previous = this.transaction.execute((status) -> {
			Optional<User> holder = holderInApp(app, user.openid(), phone);
			if (holder.isPresent()) {
				if (!app.phoneRebind()) {
					throw new PhoneInUseException();
				}
				this.users.clearPhone(holder.get().id(), now);
			}
			this.users.updatePhone(user.id(), phone, now);
			this.webhooks.publish(WebhookEventType.USER_PHONE_BOUND, user.appid(), user.id(), phoneData(phone));
			linkedPerson(app, user, phone).ifPresent((personId) -> this.users.updatePersonId(user.id(), personId, now));
			return holder;
		});
		previous.ifPresent((old) -> this.events.record(AuthEventType.PHONE_UNBOUND, "ok", null, old.appid(), old.id(),
				null, client));
		return this.users.findById(user.id()).orElseThrow();
	}

	private static Map<String, Object> phoneData(User.Phone phone) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("phoneNumber", phone.phoneNumber());
		data.put("purePhoneNumber", phone.purePhoneNumber());
		data.put("countryCode", phone.countryCode());
		return data;
	}

	private Optional<User> holderInApp(MiniApp app, String openid, User.Phone phone) {
		return this.users.findByPhoneNumber(phone.phoneNumber())
			.stream()
			.filter((holder) -> holder.appid().equals(app.appid()) && !holder.openid().equals(openid))
			.findFirst();
	}

	/**
	 * The person of the first user of a linked app who has the number, if it is not the
	 * user's own person already.
	 */
	private Optional<String> linkedPerson(MiniApp app, User user, User.Phone phone) {
		List<User> holders = this.users.findByPhoneNumber(phone.phoneNumber());
		return holders.stream()
			.filter((holder) -> !holder.appid().equals(app.appid()) && linked(app, holder.appid()))
			.map(User::personId)
			.findFirst()
			.filter((personId) -> !personId.equals(user.personId()));
	}

	private boolean linked(MiniApp app, String otherAppid) {
		if (!this.apps.contains(otherAppid)) {
			return false;
		}
		return switch (app.linkByPhone()) {
			case NONE -> false;
			case SAME_OPEN_PLATFORM -> app.sharesOpenPlatformWith(this.apps.resolve(otherAppid));
			case ALL_APPS -> true;
		};
	}

}
