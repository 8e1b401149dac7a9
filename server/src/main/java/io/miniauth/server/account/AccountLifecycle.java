package io.miniauth.server.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.miniauth.server.audit.AuthEventType;
import io.miniauth.server.audit.AuthEvents;
import io.miniauth.server.session.SessionEndReason;
import io.miniauth.server.session.Sessions;
import io.miniauth.server.user.AccountStatus;
import io.miniauth.server.web.ClientInfo;
import io.miniauth.server.webhook.WebhookEventType;
import io.miniauth.server.webhook.WebhookEvents;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * Bans, unbans and deletes accounts. Each change locks the user's row (as a login does
 * before it starts a session) and ends the user's sessions in the same transaction, so
 * that the very next request with any of their tokens is refused, on every instance, and
 * no login slips in between.
 */
@Service
public class AccountLifecycle {

	private static final Log logger = LogFactory.getLog(AccountLifecycle.class);

	/** Events about an account carry no IP address or User-Agent. */
	private static final ClientInfo NO_CLIENT = new ClientInfo(null, null);

	private final AccountRepository accounts;

	private final Sessions sessions;

	private final Tombstones tombstones;

	private final AuthEvents events;

	private final TransactionTemplate transaction;

	private final Duration gracePeriod;

	private final Clock clock;

	private final WebhookEvents webhooks;

	AccountLifecycle(AccountRepository accounts, Sessions sessions, Tombstones tombstones, AuthEvents events,
			PlatformTransactionManager transactionManager, AccountProperties properties, Clock clock,
			WebhookEvents webhooks) {
		this.webhooks = webhooks;
		this.accounts = accounts;
		this.sessions = sessions;
		this.tombstones = tombstones;
		this.events = events;
		this.transaction = new TransactionTemplate(transactionManager);
		this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		this.gracePeriod = properties.deletionGracePeriod();
		this.clock = clock;
	}

	/**
	 * Bans a user and ends all their sessions.
	 * @param userId the user
	 * @param until when the ban ends by itself, or {@code null} for a permanent ban
	 * @param reason the operator's reason, or {@code null}
	 * @param actor who bans (for the log)
	 * @return the user's status after the ban
	 * @throws UserNotFoundException when no user has that id
	 * @throws AccountStateException when the account is deleted or pending deletion
	 */
	public AccountStatus ban(String userId, Instant until, String reason, String actor) {
		Assert.hasText(actor, "actor cannot be empty");
		AccountStatus banned = new AccountStatus(AccountStatus.BANNED, until, reason);
		this.transaction.executeWithoutResult((status) -> {
			AccountRepository.Locked locked = lock(userId);
			AccountStatus current = locked.status();
			refuseDeleted(current);
			if (AccountStatus.DELETION_PENDING.equals(current.value())) {
				throw AccountStateException.deletionPending();
			}
			this.accounts.setStatus(userId, banned, this.clock.instant());
			this.sessions.endAll(userId, SessionEndReason.BANNED);
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("until", (until != null) ? until.toString() : null);
			data.put("reason", reason);
			this.webhooks.publish(WebhookEventType.USER_BANNED, locked.appid(), userId, data);
		});
		logger.info("User " + userId + " banned by " + actor + ((until != null) ? " until " + until : " for good"));
		this.events.record(AuthEventType.BANNED, "ok", null, null, userId, null, NO_CLIENT);
		return banned.at(this.clock.instant());
	}

	/**
	 * Lifts a user's ban. Sessions the ban ended stay ended; the user may log in again.
	 * @param userId the user
	 * @param actor who lifts it (for the log)
	 * @return the user's status afterwards
	 * @throws UserNotFoundException when no user has that id
	 * @throws AccountStateException when the account is deleted
	 */
	public AccountStatus unban(String userId, String actor) {
		Assert.hasText(actor, "actor cannot be empty");
		AccountStatus after = this.transaction.execute((status) -> {
			AccountRepository.Locked locked = lock(userId);
			AccountStatus current = locked.status();
			refuseDeleted(current);
			if (!AccountStatus.BANNED.equals(current.value())) {
				return current.at(this.clock.instant());
			}
			AccountStatus active = new AccountStatus(AccountStatus.ACTIVE, null, null);
			this.accounts.setStatus(userId, active, this.clock.instant());
			this.webhooks.publish(WebhookEventType.USER_UNBANNED, locked.appid(), userId, Map.of());
			return active;
		});
		logger.info("User " + userId + " unbanned by " + actor);
		this.events.record(AuthEventType.UNBANNED, "ok", null, null, userId, null, NO_CLIENT);
		return after;
	}

	/**
	 * Deletes an account at once, whatever its status: sessions ended, profile, phone
	 * number and session keys erased, openid and unionid replaced by tombstones, and the
	 * IP addresses and User-Agents of the user's events and sessions erased. Deleting a
	 * deleted account changes nothing.
	 * @param userId the user
	 * @param actor who deletes: {@code user}, {@code operator}, {@code wechat} or
	 * {@code grace_period}; the {@code deleted} event's outcome
	 * @throws UserNotFoundException when no user has that id
	 */
	public void delete(String userId, String actor) {
		Assert.hasText(actor, "actor cannot be empty");
		boolean deleted = Boolean.TRUE.equals(this.transaction.execute((status) -> erase(userId, lock(userId))));
		if (deleted) {
			this.events.record(AuthEventType.DELETED, actor, null, null, userId, null, NO_CLIENT);
		}
	}

	/**
	 * The user's own request to delete their account: at once without a grace period,
	 * otherwise the account is locked (its sessions ended) until the period is over.
	 * @param userId the user
	 * @return when the deletion runs, {@code null} when it ran at once
	 */
	public Instant requestDeletion(String userId) {
		if (this.gracePeriod.isZero()) {
			delete(userId, "user");
			return null;
		}
		Instant runsAt = this.clock.instant().plus(this.gracePeriod);
		this.transaction.executeWithoutResult((status) -> {
			refuseDeleted(lock(userId).status());
			this.accounts.setStatus(userId, new AccountStatus(AccountStatus.DELETION_PENDING, runsAt, null),
					this.clock.instant());
			this.sessions.endAll(userId, SessionEndReason.DELETION_PENDING);
		});
		this.events.record(AuthEventType.DELETION_REQUESTED, "ok", null, null, userId, null, NO_CLIENT);
		return runsAt;
	}

	/**
	 * Restores an account whose deletion is pending, on its user's login.
	 * @param userId the user
	 * @return whether a pending deletion was cancelled
	 */
	public boolean cancelDeletion(String userId) {
		boolean cancelled = Boolean.TRUE.equals(this.transaction.execute((status) -> {
			if (!AccountStatus.DELETION_PENDING.equals(lock(userId).status().value())) {
				return false;
			}
			this.accounts.setStatus(userId, new AccountStatus(AccountStatus.ACTIVE, null, null), this.clock.instant());
			return true;
		}));
		if (cancelled) {
			this.events.record(AuthEventType.DELETION_CANCELLED, "ok", null, null, userId, null, NO_CLIENT);
		}
		return cancelled;
	}

	/**
	 * Runs the deletions whose grace period is over.
	 * @return how many accounts were deleted
	 */
	int deleteDue() {
		int count = 0;
		for (String userId : this.accounts.findDueDeletions(this.clock.instant())) {
			boolean deleted = Boolean.TRUE.equals(this.transaction.execute((status) -> {
				AccountRepository.Locked row = lock(userId);
				// another instance may have run it, or the user cancelled it meanwhile
				if (!AccountStatus.DELETION_PENDING.equals(row.status().value())
						|| this.clock.instant().isBefore(row.status().until())) {
					return false;
				}
				return erase(userId, row);
			}));
			if (deleted) {
				this.events.record(AuthEventType.DELETED, "grace_period", null, null, userId, null, NO_CLIENT);
				count++;
			}
		}
		return count;
	}

	/**
	 * Erases the user's nickname and avatar, which WeChat cleaned as risky; they can set
	 * them again. Told as {@code user.updated}.
	 * @param userId the user
	 */
	public void eraseRiskyProfile(String userId) {
		this.transaction.executeWithoutResult((status) -> {
			AccountRepository.Locked locked = lock(userId);
			this.accounts.eraseNickName(userId, this.clock.instant());
			this.accounts.eraseAvatar(userId, this.clock.instant());
			this.webhooks.publish(WebhookEventType.USER_UPDATED, locked.appid(), userId,
					Map.of("fields", List.of("nickName", "avatarUrl")));
		});
	}

	/**
	 * Erases what the user withdrew consent for in WeChat ({@code nickName},
	 * {@code avatarUrl}, {@code phoneNumber}); they can give it again. Told as
	 * {@code user.wechat_revoked}.
	 * @param userId the user
	 * @param withdrawn the fields withdrawn
	 */
	public void withdrawConsent(String userId, List<String> withdrawn) {
		this.transaction.executeWithoutResult((status) -> {
			AccountRepository.Locked locked = lock(userId);
			Instant now = this.clock.instant();
			if (withdrawn.contains("nickName")) {
				this.accounts.eraseNickName(userId, now);
			}
			if (withdrawn.contains("avatarUrl")) {
				this.accounts.eraseAvatar(userId, now);
			}
			if (withdrawn.contains("phoneNumber")) {
				this.accounts.erasePhone(userId, now);
			}
			this.webhooks.publish(WebhookEventType.USER_WECHAT_REVOKED, locked.appid(), userId,
					Map.of("withdrawn", List.copyOf(withdrawn)));
		});
	}

	private boolean erase(String userId, AccountRepository.Locked row) {
		if (AccountStatus.DELETED.equals(row.status().value())) {
			return false;
		}
		this.sessions.endAll(userId, SessionEndReason.DELETED);
		this.accounts.erase(userId, this.tombstones.of("openid", userId, row.openid()),
				this.tombstones.of("unionid", userId, row.unionid()), this.clock.instant());
		this.sessions.eraseClientInfo(userId);
		// the user id only: the personal data is gone
		this.webhooks.publish(WebhookEventType.USER_DELETED, row.appid(), userId, Map.of());
		return true;
	}

	private AccountRepository.Locked lock(String userId) {
		return this.accounts.lock(userId).orElseThrow(UserNotFoundException::new);
	}

	private static void refuseDeleted(AccountStatus status) {
		if (AccountStatus.DELETED.equals(status.value())) {
			throw AccountStateException.deleted();
		}
	}

}
