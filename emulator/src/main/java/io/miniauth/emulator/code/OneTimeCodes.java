package io.miniauth.emulator.code;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.util.Assert;

/**
 * One-time codes such as WeChat's login and phone codes: each stands for some details, is
 * live for strictly less than its time to live after it was issued, and can be spent
 * once. A code is remembered for twice its time to live, so that a replay can still be
 * told apart from an unknown code, and then forgotten. Forgetting runs when a code is
 * issued, at most once per time to live, so that issuing stays cheap however many codes
 * are kept.
 *
 * @param <T> the details a code stands for
 */
public final class OneTimeCodes<T> {

	private final Map<String, Issued<T>> codes = new ConcurrentHashMap<>();

	private final Clock clock;

	private final Duration ttl;

	private final AtomicReference<Instant> nextSweep = new AtomicReference<>(Instant.MIN);

	public OneTimeCodes(Clock clock, Duration ttl) {
		Assert.notNull(clock, "clock cannot be null");
		Assert.notNull(ttl, "ttl cannot be null");
		Assert.isTrue(!ttl.isNegative() && !ttl.isZero(), "ttl must be positive");
		this.clock = clock;
		this.ttl = ttl;
	}

	/**
	 * Keeps a new code, live from now on.
	 * @param code the code, unique among the codes kept
	 * @param details what the code stands for
	 */
	public void issue(String code, T details) {
		Assert.hasText(code, "code cannot be empty");
		Assert.notNull(details, "details cannot be null");
		Instant now = this.clock.instant();
		forgetOldIfDue(now);
		this.codes.put(code, new Issued<>(details, now));
	}

	/**
	 * A code whatever its state: live, spent or expired but not yet forgotten.
	 * @param code the code, possibly {@code null}
	 * @return the code, or empty when it is unknown
	 */
	public Optional<Issued<T>> find(String code) {
		return Optional.ofNullable((code != null) ? this.codes.get(code) : null);
	}

	/**
	 * A code that is still within its time to live, spent or not.
	 * @param code the code, possibly {@code null}
	 * @return the code, or empty when it is unknown or expired
	 */
	public Optional<Issued<T>> live(String code) {
		Instant now = this.clock.instant();
		return find(code).filter((issued) -> now.isBefore(issued.issuedAt().plus(this.ttl)));
	}

	private void forgetOldIfDue(Instant now) {
		Instant due = this.nextSweep.get();
		if (now.isBefore(due) || !this.nextSweep.compareAndSet(due, now.plus(this.ttl))) {
			return;
		}
		Instant horizon = now.minus(this.ttl.multipliedBy(2));
		this.codes.values().removeIf((issued) -> issued.issuedAt().isBefore(horizon));
	}

	/**
	 * One issued code.
	 *
	 * @param <T> the details it stands for
	 */
	public static final class Issued<T> {

		private final T details;

		private final Instant issuedAt;

		private final AtomicBoolean spent = new AtomicBoolean();

		private Issued(T details, Instant issuedAt) {
			this.details = details;
			this.issuedAt = issuedAt;
		}

		public T details() {
			return this.details;
		}

		Instant issuedAt() {
			return this.issuedAt;
		}

		/**
		 * Spends the code.
		 * @return {@code true} the first time, {@code false} when it was spent before
		 */
		public boolean spend() {
			return this.spent.compareAndSet(false, true);
		}

	}

}
