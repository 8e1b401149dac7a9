package io.miniauth.server.login;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import io.miniauth.server.account.AccountLifecycle;
import io.miniauth.server.app.MiniApp;
import io.miniauth.server.app.MiniApps;
import io.miniauth.server.audit.AuthEventType;
import io.miniauth.server.audit.AuthEvents;
import io.miniauth.server.config.MiniAuthProperties;
import io.miniauth.server.login.RepeatedCodes.LoginOutcome;
import io.miniauth.server.problem.MiniAuthException;
import io.miniauth.server.ratelimit.RateLimitedException;
import io.miniauth.server.ratelimit.RateLimiter;
import io.miniauth.server.web.ClientAddress;
import io.miniauth.server.web.ClientInfo;
import io.miniauth.server.session.RefreshTokens;
import io.miniauth.server.session.Session;
import io.miniauth.server.session.Sessions;
import io.miniauth.server.session.TokenResponse;
import io.miniauth.server.user.AccountStatuses;
import io.miniauth.server.user.PhoneBindings;
import io.miniauth.server.user.User;
import io.miniauth.server.user.UserRepository;
import io.miniauth.server.user.UserRepository.WeChatLogin;
import io.miniauth.server.wechat.CodeAlreadyUsedException;
import io.miniauth.server.wechat.InvalidPhoneCodeException;
import io.miniauth.server.wechat.PhoneNumber;
import io.miniauth.server.problem.MiniAuthException;
import io.miniauth.server.webhook.WebhookEventType;
import io.miniauth.server.webhook.WebhookEvents;
import io.miniauth.server.wechat.WeChatClient;
import io.miniauth.server.wechat.WeChatSession;

import org.springframework.stereotype.Service;

/**
 * The login: exchange the code with WeChat, create or update the user, start a session,
 * and hand out our own tokens. A repeated code within the idempotency window gets the
 * same user and session.
 */
@Service
class LoginService {

	private final MiniApps apps;

	private final WeChatClient weChat;

	private final UserRepository users;

	private final Sessions sessions;

	private final RefreshTokens refreshTokens;

	private final RepeatedCodes repeatedCodes;

	private final RateLimiter rateLimiter;

	private final MiniAuthProperties.RateLimit budgets;

	private final AuthEvents events;

	private final WebhookEvents webhooks;

	private final Clock clock;

	private final AccountStatuses statuses;

	private final AccountLifecycle lifecycle;

	private final PhoneBindings phoneBindings;

	LoginService(MiniApps apps, WeChatClient weChat, UserRepository users, Sessions sessions,
			RefreshTokens refreshTokens, RepeatedCodes repeatedCodes, RateLimiter rateLimiter,
			MiniAuthProperties properties, AuthEvents events, Clock clock, AccountStatuses statuses,
			AccountLifecycle lifecycle, PhoneBindings phoneBindings, WebhookEvents webhooks) {
		this.statuses = statuses;
		this.lifecycle = lifecycle;
		this.phoneBindings = phoneBindings;
		this.events = events;
		this.webhooks = webhooks;
		this.rateLimiter = rateLimiter;
		this.budgets = properties.rateLimit();
		this.apps = apps;
		this.weChat = weChat;
		this.users = users;
		this.sessions = sessions;
		this.refreshTokens = refreshTokens;
		this.repeatedCodes = repeatedCodes;
		this.clock = clock;
	}

	TokenResponse login(LoginRequest request, ClientInfo client) {
		MiniApp app = this.apps.resolve(request.appid());
		try {
			LoggedIn loggedIn = loginTo(app, request, client);
			if (loggedIn.repeat()) {
				// a login made by this request was recorded in its own transaction
				this.events.record(AuthEventType.LOGIN, "ok", null, app.appid(), loggedIn.response().user().id(),
						loggedIn.sessionId(), client);
			}
			return loggedIn.response();
		}
		catch (MiniAuthException ex) {
			// a refusal for the budget is counted, but not written: a flood must not turn
			// into database writes
			this.events.recordFailure(AuthEventType.LOGIN, ex, app.appid(), null, null, client);
			throw ex;
		}
	}

	private LoggedIn loginTo(MiniApp app, LoginRequest request, ClientInfo client) {
		// before any WeChat call or write: an over-budget login costs nothing. The
		// app's budget is only checked here, and spent by codes that WeChat accepts: a
		// flood of made-up codes cannot lock the app's real users out
		this.rateLimiter.consume("login-ip", ClientAddress.network(client.ip(), this.budgets.ipv6Prefix()),
				this.budgets.loginPerIp());
		this.rateLimiter.check("login-app", app.appid(), this.budgets.loginPerApp());
		String code = request.code().strip();
		String refreshToken = this.refreshTokens.forLogin(app.appid(), code);
		AtomicReference<Fresh> fresh = new AtomicReference<>();
		LoginOutcome outcome = this.repeatedCodes.once(app.appid(), code, () -> exchange(app, code,
				Boolean.TRUE.equals(request.cancelDeletion()), request.phoneCodeOrNull(), client, refreshToken, fresh));
		if (fresh.get() != null) {
			// this request made the login: answer with what it made
			Fresh made = fresh.get();
			return new LoggedIn(this.sessions.tokens(made.session(), made.user(), refreshToken,
					made.session().expiresAt(), outcome.newUser()), made.session().id(), false);
		}
		// a repeat of a user banned meanwhile is refused like any login of theirs
		this.statuses.requireUnlocked(outcome.userId());
		// a repeat gets the same session only while its first refresh token is unused and
		// the session active; otherwise the code is spent
		Session session = this.sessions.findActive(outcome.sessionId()).orElseThrow(CodeAlreadyUsedException::new);
		// and only to the client that sent the code first (RFC 6749 §4.1.2): another
		// holder of the code gets no session
		if (!Objects.equals(session.clientIp(), client.ip())
				|| !Objects.equals(session.userAgent(), client.userAgent())) {
			throw new CodeAlreadyUsedException();
		}
		Instant refreshExpiresAt = this.sessions.unusedRefreshTokenExpiry(session.id(), refreshToken)
			.orElseThrow(CodeAlreadyUsedException::new);
		User user = this.users.findById(outcome.userId()).orElseThrow(CodeAlreadyUsedException::new);
		return new LoggedIn(this.sessions.tokens(session, user, refreshToken, refreshExpiresAt, outcome.newUser()),
				session.id(), true);
	}

	/**
	 * The login itself, run once per code: a repeat within the idempotency window gets
	 * its outcome, so that the phone code (a paid call) is exchanged once too.
	 */
	private LoginOutcome exchange(MiniApp app, String code, boolean cancelDeletion, String phoneCode, ClientInfo client,
			String refreshToken, AtomicReference<Fresh> fresh) {
		WeChatSession weChatSession = this.weChat.code2Session(app, code);
		spendAppBudget(app);
		User.Phone phone = (phoneCode != null) ? phoneOf(app, weChatSession.openid(), phoneCode) : null;
		WeChatLogin weChatLogin = new WeChatLogin(app.appid(), weChatSession.openid(), weChatSession.unionid(),
				weChatSession.sessionKey());
		// the user, the phone and the session in one transaction: one commit per login,
		// and a login refused for a ban writes nothing
		Fresh made = this.users.recordLogin(weChatLogin, this.clock.instant(), (login) -> {
			if (login.created()) {
				this.webhooks.publish(WebhookEventType.USER_CREATED, login.user().appid(), login.user().id(),
						userCreated(login.user()));
			}
			if (cancelDeletion) {
				// the user's consent to keep an account whose deletion is pending
				this.lifecycle.cancelDeletion(login.user().id());
			}
			User user = login.user();
			if (phone != null) {
				// a banned or locked account gets no phone (it could take one from
				// another user)
				this.statuses.requireUnlocked(user.id());
				user = this.phoneBindings.bind(app, user, phone, null, client);
			}
			Session session = this.sessions.start(user, login.created(), client, refreshToken);
			// the audit row commits with the login it records
			this.events.record(AuthEventType.LOGIN, "ok", null, app.appid(), user.id(), session.id(), client);
			if (phone != null) {
				// the phone code was exchanged (a paid call) and the number bound: the
				// trail
				// says so, as it does for POST /user/phone
				this.events.record(AuthEventType.PHONE_BOUND, "ok", null, app.appid(), user.id(), session.id(), client);
			}
			return new Fresh(session, user, login.created());
		});
		fresh.set(made);
		return new LoginOutcome(made.user().id(), made.session().id(), made.newUser());
	}

	/**
	 * Exchanges the phone code, and checks that the number may be bound, before anything
	 * is written.
	 */
	private User.Phone phoneOf(MiniApp app, String openid, String phoneCode) {
		PhoneNumber number = this.weChat.phoneNumber(app, openid, phoneCode);
		if (!app.appid().equals(number.watermarkAppid())) {
			throw new InvalidPhoneCodeException();
		}
		User.Phone phone = new User.Phone(number.phoneNumber(), number.purePhoneNumber(), number.countryCode());
		this.phoneBindings.checkFree(app, openid, phone);
		return phone;
	}

	private void spendAppBudget(MiniApp app) {
		try {
			this.rateLimiter.consume("login-app", app.appid(), this.budgets.loginPerApp());
		}
		catch (RateLimitedException ex) {
			// the code is exchanged already: refusing now would only waste it. The check
			// before the exchange refuses the next logins
		}
	}

	private static Map<String, Object> userCreated(User user) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("openid", user.openid());
		data.put("unionid", user.unionid());
		return data;
	}

	private record Fresh(Session session, User user, boolean newUser) {
	}

	/**
	 * A login's answer and the session it belongs to, which the answer itself only holds
	 * inside the access token; {@code repeat} when it is the answer to a repeated code.
	 */
	private record LoggedIn(TokenResponse response, String sessionId, boolean repeat) {
	}

}
