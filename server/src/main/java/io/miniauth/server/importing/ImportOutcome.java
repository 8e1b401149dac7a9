package io.miniauth.server.importing;

/**
 * What an import did with a row that passed its checks.
 */
enum ImportOutcome {

	/** The user did not exist and was created. */
	NEW,

	/** The user existed and some field changed. */
	UPDATED,

	/** The user existed with exactly these values: nothing was written. */
	UNCHANGED

}
