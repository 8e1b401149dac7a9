package io.miniauth.server.ratelimit;

/**
 * Spends request budgets. One instance keeps them in memory; a shared store makes several
 * instances count together.
 */
public interface RateLimiter {

	/**
	 * Takes one request from a key's budget.
	 * @param limit which limit (for example {@code login-ip})
	 * @param key whose budget (an address, an appid, a user id)
	 * @param budget the budget
	 * @throws RateLimitedException when the budget is spent
	 */
	void consume(String limit, String key, Budget budget);

	/**
	 * Refuses when a key's budget is spent, and takes nothing from it: for budgets that
	 * only some outcomes spend.
	 * @param limit which limit
	 * @param key whose budget
	 * @param budget the budget
	 * @throws RateLimitedException when the budget is spent
	 */
	void check(String limit, String key, Budget budget);

}
