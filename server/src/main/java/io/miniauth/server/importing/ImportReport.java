package io.miniauth.server.importing;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What an import did, or (in a dry run) would do: how many users are new, updated and
 * unchanged, and each refused row with its reason. It holds no session_key.
 */
final class ImportReport {

	/** The most refused rows listed one by one; all of them are counted. */
	static final int MAX_LISTED = 1000;

	private final String source;

	private final boolean dryRun;

	private final Map<ImportOutcome, Long> counts = new EnumMap<>(ImportOutcome.class);

	private final List<Refusal> refusals = new ArrayList<>();

	private long refused;

	ImportReport(String source, boolean dryRun) {
		this.source = source;
		this.dryRun = dryRun;
		for (ImportOutcome outcome : ImportOutcome.values()) {
			this.counts.put(outcome, 0L);
		}
	}

	void count(ImportOutcome outcome) {
		this.counts.merge(outcome, 1L, Long::sum);
	}

	void refuse(String ref, String openid, String reason) {
		this.refused++;
		if (this.refusals.size() < MAX_LISTED) {
			this.refusals.add(new Refusal(ref, openid, reason));
		}
	}

	long created() {
		return this.counts.get(ImportOutcome.NEW);
	}

	long updated() {
		return this.counts.get(ImportOutcome.UPDATED);
	}

	long unchanged() {
		return this.counts.get(ImportOutcome.UNCHANGED);
	}

	void print(PrintStream out) {
		out.println("Import from " + this.source + (this.dryRun ? " (dry run: nothing was written)" : ""));
		out.println("  new:       " + created());
		out.println("  updated:   " + updated());
		out.println("  unchanged: " + unchanged());
		out.println("  refused:   " + this.refused);
		for (Refusal refusal : this.refusals) {
			out.println("  refused " + refusal);
		}
		if (this.refused > this.refusals.size()) {
			out.println("  ... and " + (this.refused - this.refusals.size()) + " more refused rows");
		}
	}

	/**
	 * A row that was not imported.
	 *
	 * @param ref where it is in the source
	 * @param openid its openid, or {@code null}
	 * @param reason why
	 */
	record Refusal(String ref, String openid, String reason) {

		@Override
		public String toString() {
			return this.ref + ((this.openid != null) ? " (openid " + shown(this.openid) + ")" : "") + ": "
					+ this.reason;
		}

		private static String shown(String openid) {
			String printable = openid.codePoints()
				.map((c) -> Character.isISOControl(c) ? '?' : c)
				.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
				.toString();
			return (printable.length() > 64) ? printable.substring(0, 64) + "…" : printable;
		}

	}

}
