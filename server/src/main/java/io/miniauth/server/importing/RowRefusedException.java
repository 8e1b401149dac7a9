package io.miniauth.server.importing;

/**
 * A row that is not imported, and why. The reason never holds a secret.
 */
class RowRefusedException extends RuntimeException {

	RowRefusedException(String reason) {
		super(reason, null, false, false);
	}

}
