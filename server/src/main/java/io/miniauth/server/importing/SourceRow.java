package io.miniauth.server.importing;

import java.util.Map;

/**
 * One row as the source holds it, before any check.
 *
 * @param ref where the row is in the source, for the report ({@code line 12},
 * {@code row 12})
 * @param values the values of the fields the source has, {@code null} for an empty one
 * @param problem why the row could not even be read as a row, or {@code null}
 */
record SourceRow(String ref, Map<ImportField, String> values, String problem) {

	String value(ImportField field) {
		return this.values.get(field);
	}

	@Override
	public String toString() {
		return "SourceRow[" + this.ref + ", openid=" + value(ImportField.OPENID) + ", sessionKey=******]";
	}

}
