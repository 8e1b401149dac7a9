package io.miniauth.server.account;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the account deletions whose grace period
 * ({@code miniauth.account.deletion-grace-period}) is over, every
 * {@code miniauth.account.deletion-check-interval}. Instances running it at once take
 * turns on each row, and a deletion runs once.
 */
@Component
class PendingDeletions {

	private static final Log logger = LogFactory.getLog(PendingDeletions.class);

	private final AccountLifecycle lifecycle;

	PendingDeletions(AccountLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Scheduled(fixedDelayString = "${miniauth.account.deletion-check-interval:1m}",
			initialDelayString = "${miniauth.account.deletion-check-interval:1m}")
	int run() {
		int deleted = this.lifecycle.deleteDue();
		if (deleted > 0) {
			logger.info("Deleted " + deleted + " accounts whose grace period was over");
		}
		return deleted;
	}

}
