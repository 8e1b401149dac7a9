package io.miniauth.emulator.security;

/**
 * What content security says about a piece of content.
 *
 * @param suggest {@code pass}, {@code review} or {@code risky}
 * @param label WeChat's label code: 100 for normal content, else the kind of risk
 * @param keyword the word or URL part that decided, or {@code null} for a pass
 */
record Verdict(String suggest, int label, String keyword) {

	static final String PASS = "pass";

	static final String REVIEW = "review";

	static final String RISKY = "risky";

	/** WeChat's label for normal content. */
	static final int NORMAL = 100;

	static Verdict pass() {
		return new Verdict(PASS, NORMAL, null);
	}

	boolean risky() {
		return RISKY.equals(this.suggest);
	}

}
