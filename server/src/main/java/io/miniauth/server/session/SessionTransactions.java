package io.miniauth.server.session;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactions that start and rotate sessions. They lock the row they change first
 * (the user's on login, the session's on refresh), and run READ COMMITTED on every
 * database: a request that waited for such a lock must then see what the request before
 * it committed (MySQL's default, REPEATABLE READ, would show it the state from before).
 */
final class SessionTransactions {

	private SessionTransactions() {
	}

	static TransactionTemplate readCommitted(PlatformTransactionManager transactionManager) {
		TransactionTemplate transaction = new TransactionTemplate(transactionManager);
		transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		return transaction;
	}

}
