package io.miniauth.server.wechat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.miniauth.server.app.MiniApp;

import org.springframework.util.Assert;

/**
 * Keeps each app's WeChat access token: fetched when first needed, renewed ahead of its
 * expiry, and renewed by one caller at a time while the others wait for that result
 * (single flight), so that a burst of calls with a cold cache makes one fetch. With a
 * shared store, one instance at a time renews, and the others use its token. Only the
 * APIs that need a token ask for one; {@code code2Session} never does.
 */
public final class WeChatAccessTokens {

	/** Renew this long before WeChat's expiry, so that no call carries a dying token. */
	static final Duration RENEW_AHEAD = Duration.ofMinutes(5);

	/** How long another instance's renewal lock holds, should that instance die. */
	static final Duration LOCK_TTL = Duration.ofSeconds(10);

	/** How often, and how long apart, a waiting instance looks for the renewed token. */
	static final int WAIT_POLLS = 40;

	static final Duration WAIT_PAUSE = Duration.ofMillis(50);

	private final AccessTokenStore store;

	private final Clock clock;

	private final Map<String, CompletableFuture<WeChatAccessToken>> renewals = new ConcurrentHashMap<>();

	public WeChatAccessTokens(AccessTokenStore store, Clock clock) {
		Assert.notNull(store, "store cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.store = store;
		this.clock = clock;
	}

	/**
	 * The app's current token, fetched or renewed if needed.
	 * @param app the app
	 * @param fetch fetches a new token from WeChat
	 * @return the token value
	 */
	public String get(MiniApp app, Function<MiniApp, WeChatAccessToken> fetch) {
		WeChatAccessToken token = this.store.get(app.appid()).orElse(null);
		if (token != null && isFresh(token)) {
			return token.value();
		}
		try {
			return renew(app, (token != null) ? token.value() : null, fetch);
		}
		catch (WeChatException ex) {
			// renewing ahead failed: the old token still works until it expires
			if (token != null && this.clock.instant().isBefore(token.expiresAt())) {
				return token.value();
			}
			throw ex;
		}
	}

	/**
	 * Replaces a token that WeChat refused (or that is about to expire). Callers that
	 * arrive while a renewal runs wait for it; a caller whose stale token was already
	 * replaced gets the replacement without another fetch.
	 * @param app the app
	 * @param stale the token being replaced, or {@code null}
	 * @param fetch fetches a new token from WeChat
	 * @return the new token value
	 */
	public String renew(MiniApp app, String stale, Function<MiniApp, WeChatAccessToken> fetch) {
		CompletableFuture<WeChatAccessToken> mine = new CompletableFuture<>();
		CompletableFuture<WeChatAccessToken> running = this.renewals.putIfAbsent(app.appid(), mine);
		if (running != null) {
			return await(running).value();
		}
		try {
			WeChatAccessToken current = this.store.get(app.appid()).orElse(null);
			if (needsRenewal(current, stale)) {
				current = renewShared(app, stale, fetch);
			}
			mine.complete(current);
			return current.value();
		}
		catch (RuntimeException ex) {
			mine.completeExceptionally(ex);
			throw ex;
		}
		finally {
			this.renewals.remove(app.appid(), mine);
		}
	}

	/**
	 * Renews across instances: the instance that gets the store's lock fetches, the
	 * others wait briefly for the token it stores. If none arrives in time, they fetch
	 * themselves.
	 */
	private WeChatAccessToken renewShared(MiniApp app, String stale, Function<MiniApp, WeChatAccessToken> fetch) {
		if (this.store.tryLock(app.appid(), LOCK_TTL)) {
			try {
				// another instance may have stored a new token since we looked
				WeChatAccessToken current = this.store.get(app.appid()).orElse(null);
				if (!needsRenewal(current, stale)) {
					return current;
				}
				return fetchAndStore(app, fetch);
			}
			finally {
				this.store.unlock(app.appid());
			}
		}
		for (int i = 0; i < WAIT_POLLS; i++) {
			if (!pause()) {
				break;
			}
			WeChatAccessToken current = this.store.get(app.appid()).orElse(null);
			if (!needsRenewal(current, stale)) {
				return current;
			}
		}
		return fetchAndStore(app, fetch);
	}

	private WeChatAccessToken fetchAndStore(MiniApp app, Function<MiniApp, WeChatAccessToken> fetch) {
		WeChatAccessToken token = fetch.apply(app);
		this.store.put(app.appid(), token);
		return token;
	}

	private boolean needsRenewal(WeChatAccessToken current, String stale) {
		return current == null || current.value().equals(stale) || !isFresh(current);
	}

	private static boolean pause() {
		try {
			Thread.sleep(WAIT_PAUSE.toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private boolean isFresh(WeChatAccessToken token) {
		return this.clock.instant().isBefore(token.expiresAt().minus(RENEW_AHEAD));
	}

	private static WeChatAccessToken await(CompletableFuture<WeChatAccessToken> renewal) {
		try {
			return renewal.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

}
