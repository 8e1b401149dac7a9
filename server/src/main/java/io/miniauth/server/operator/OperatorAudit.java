package io.miniauth.server.operator;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.miniauth.server.config.MiniAuthProperties;
import io.miniauth.server.persistence.PageCursor;
import io.miniauth.server.web.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Records every operator action (who, what, on which user, from where) and reads the
 * trail back. Recording never fails the action it describes; events are kept as long as
 * authentication events ({@code miniauth.audit.retention}).
 */
@Service
public class OperatorAudit {

	private static final Log logger = LogFactory.getLog(OperatorAudit.class);

	private static final int MAX_DETAIL = 500;

	private final OperatorEventRepository repository;

	private final ClientAddress clientAddress;

	private final Clock clock;

	private final Duration retention;

	OperatorAudit(OperatorEventRepository repository, ClientAddress clientAddress, MiniAuthProperties properties,
			Clock clock) {
		this.repository = repository;
		this.clientAddress = clientAddress;
		this.clock = clock;
		this.retention = properties.audit().retention();
	}

	/**
	 * Records a successful action.
	 * @param actor who
	 * @param action what
	 * @param userId the mini program user concerned, or {@code null}
	 * @param detail what else identifies it, or {@code null}
	 * @param request the request it came with
	 */
	public void record(OperatorPrincipal actor, OperatorAction action, String userId, String detail,
			HttpServletRequest request) {
		record(actor.name(), action, "ok", userId, detail, request);
	}

	void record(String actor, OperatorAction action, String outcome, String userId, String detail,
			HttpServletRequest request) {
		String cut = (detail != null && detail.length() > MAX_DETAIL) ? detail.substring(0, MAX_DETAIL) : detail;
		try {
			this.repository.insert(new OperatorEvent(UUID.randomUUID().toString(), this.clock.instant(), actor, action,
					outcome, userId, cut, this.clientAddress.of(request)));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not record an operator " + action + " event: " + ex.getClass().getSimpleName());
		}
	}

	/**
	 * A page of the trail, newest first.
	 * @param userId only actions on this user, or {@code null}
	 * @param after the cursor of the previous page, or {@code null}
	 * @param limit the page size
	 * @return the events
	 */
	public List<OperatorEvent> find(String userId, PageCursor after, int limit) {
		OperatorEvent before = (after != null)
				? new OperatorEvent(after.id(), after.time(), null, null, null, null, null, null) : null;
		return this.repository.find(userId, before, limit);
	}

	@Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT2M")
	int prune() {
		return this.repository.deleteBefore(this.clock.instant().minus(this.retention));
	}

}
