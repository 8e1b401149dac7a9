package io.miniauth.server.config;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.util.ErrorHandler;

/**
 * What a failed housekeeping run (key rotation, pruning) logs. While the database or
 * Redis is down every run fails the same way until it is back, so that is one warning
 * line per run; anything else is an error with its stack trace. The next run tries again
 * either way.
 */
class ScheduledTaskErrors implements ErrorHandler {

	private static final Log logger = LogFactory.getLog(ScheduledTaskErrors.class);

	@Override
	public void handleError(Throwable ex) {
		if (ex instanceof DataAccessResourceFailureException || ex instanceof TransientDataAccessException) {
			logger.warn("Housekeeping skipped, to be tried again at its next run: the database or Redis is not "
					+ "answering (" + ex.getClass().getSimpleName() + ")");
		}
		else {
			logger.error("Housekeeping failed, to be tried again at its next run", ex);
		}
	}

}
