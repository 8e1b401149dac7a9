package io.miniauth.server.wechat;

import java.util.Locale;

/**
 * What WeChat's content security said about a text.
 *
 * @param suggest what to do with it
 * @param label WeChat's label code: 100 for normal content, else the kind of risk
 * @param traceId WeChat's id of the check
 */
public record ContentVerdict(Suggest suggest, int label, String traceId) {

	/**
	 * WeChat's {@code suggest}.
	 */
	public enum Suggest {

		/** Nothing found. */
		PASS,

		/** Possibly risky: publish, but have a person look at it. */
		REVIEW,

		/** Risky: do not publish. */
		RISKY;

		static Suggest of(String value) {
			return valueOf(value.toUpperCase(Locale.ROOT));
		}

	}

}
