package io.miniauth.server.importing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.miniauth.server.app.MiniApps;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports users from a source, row by row, in transactions of {@value #CHUNK} rows.
 * <ul>
 * <li>A row is checked before anything is written; a bad row is refused with its reason
 * and the import goes on.</li>
 * <li>A user is unique by (appid, openid): a user who exists keeps their id, and is
 * written only when some value changed, so that running the same import again changes
 * nothing.</li>
 * <li>An openid or externalId that appears twice in one import is refused the second
 * time.</li>
 * <li>When the database refuses a write (an externalId another user has), the rows of
 * that transaction are written again one by one, and only the refused row is left
 * out.</li>
 * <li>A dry run does all of this, then rolls every transaction back.</li>
 * </ul>
 */
@Component
class UserImporter {

	static final int CHUNK = 500;

	private static final Log logger = LogFactory.getLog(UserImporter.class);

	private final ImportedUsers users;

	private final MiniApps apps;

	private final TransactionTemplate transaction;

	private final Clock clock;

	UserImporter(ImportedUsers users, MiniApps apps, PlatformTransactionManager transactionManager, Clock clock) {
		this.users = users;
		this.apps = apps;
		this.transaction = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * Imports every row of a source.
	 * @param source the rows
	 * @param appid the app of rows that name none, or {@code null} for the one configured
	 * app
	 * @param dryRun whether to roll everything back
	 * @return the report
	 * @throws ImportFailedException when the import cannot run, or the source cannot be
	 * read to its end
	 */
	ImportReport run(RowSource source, String appid, boolean dryRun) {
		String defaultAppid = defaultAppid(appid);
		RowChecks checks = new RowChecks(this.apps, defaultAppid);
		ImportReport report = new ImportReport(source.description() + " into " + defaultAppid, dryRun);
		Set<String> seen = new HashSet<>();
		List<Pending> chunk = new ArrayList<>(CHUNK);
		for (SourceRow row = source.next(); row != null; row = source.next()) {
			try {
				ImportedUser user = checks.check(row);
				if (!seen.add(user.appid() + '\n' + user.openid())) {
					throw new RowRefusedException("openid appears earlier in this import");
				}
				if (user.externalId() != null && !seen.add(user.appid() + "\next\n" + user.externalId())) {
					throw new RowRefusedException(
							"externalId " + user.externalId() + " appears earlier in this import");
				}
				chunk.add(new Pending(row.ref(), user));
			}
			catch (RowRefusedException ex) {
				report.refuse(row.ref(), row.value(ImportField.OPENID), ex.getMessage());
			}
			if (chunk.size() == CHUNK) {
				write(chunk, dryRun, report);
				chunk.clear();
			}
		}
		write(chunk, dryRun, report);
		return report;
	}

	private String defaultAppid(String appid) {
		try {
			return this.apps.resolve(appid).appid();
		}
		catch (RuntimeException ex) {
			throw new ImportFailedException(ex.getMessage() + ((appid == null) ? " (name it with --appid)" : ""));
		}
	}

	private void write(List<Pending> chunk, boolean dryRun, ImportReport report) {
		if (chunk.isEmpty()) {
			return;
		}
		List<ImportOutcome> outcomes;
		try {
			outcomes = this.transaction.execute((status) -> {
				List<ImportOutcome> done = new ArrayList<>(chunk.size());
				for (Pending pending : chunk) {
					done.add(this.users.save(pending.user(), this.clock.instant()));
				}
				if (dryRun) {
					status.setRollbackOnly();
				}
				return done;
			});
		}
		catch (DataAccessException ex) {
			// rolled back: find the row the database refused
			chunk.forEach((pending) -> writeAlone(pending, dryRun, report));
			return;
		}
		outcomes.forEach(report::count);
	}

	private void writeAlone(Pending pending, boolean dryRun, ImportReport report) {
		try {
			report.count(saveAlone(pending, dryRun));
		}
		catch (DuplicateKeyException ex) {
			try {
				// the openid may have logged in meanwhile: then this is an update
				report.count(saveAlone(pending, dryRun));
			}
			catch (DuplicateKeyException again) {
				report.refuse(pending.ref(), pending.user().openid(),
						"externalId " + pending.user().externalId() + " is another user's in this app");
			}
		}
		catch (DataAccessException ex) {
			// the database's message may quote the row's values, the session_key among
			// them
			logger.debug("A row was refused by the database: " + ex.getClass().getName());
			report.refuse(pending.ref(), pending.user().openid(), "the database refused the row");
		}
	}

	private ImportOutcome saveAlone(Pending pending, boolean dryRun) {
		return this.transaction.execute((status) -> {
			ImportOutcome outcome = this.users.save(pending.user(), this.clock.instant());
			if (dryRun) {
				status.setRollbackOnly();
			}
			return outcome;
		});
	}

	private record Pending(String ref, ImportedUser user) {
	}

}
