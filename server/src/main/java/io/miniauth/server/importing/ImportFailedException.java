package io.miniauth.server.importing;

/**
 * An import that cannot run, or cannot go on: a missing file, an unknown column, a source
 * database that cannot be reached. Its message says why, and never holds a secret.
 */
class ImportFailedException extends RuntimeException {

	ImportFailedException(String message) {
		super(message);
	}

}
