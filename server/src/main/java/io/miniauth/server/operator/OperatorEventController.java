package io.miniauth.server.operator;

import java.time.Instant;
import java.util.List;

import io.miniauth.server.persistence.PageCursor;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/api/audit}: the operator audit trail, newest first, in pages.
 */
@RestController
@Tag(name = "admin")
class OperatorEventController {

	private final OperatorAudit audit;

	OperatorEventController(OperatorAudit audit) {
		this.audit = audit;
	}

	@GetMapping("/admin/api/audit")
	AuditPage audit(@RequestParam(required = false) String userId, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "50") int limit) {
		PageCursor after;
		try {
			after = PageCursor.decode(cursor);
		}
		catch (IllegalArgumentException ex) {
			throw new OperatorRequestException("cursor is not one this API answered");
		}
		int size = Math.max(1, Math.min(limit, 200));
		List<OperatorEvent> events = this.audit.find(userId, after, size + 1);
		String next = null;
		if (events.size() > size) {
			events = events.subList(0, size);
			OperatorEvent last = events.get(size - 1);
			next = new PageCursor(last.occurredAt(), last.id()).encode();
		}
		return new AuditPage(events.stream().map(AuditView::of).toList(), next);
	}

	/**
	 * @param events the page
	 * @param nextCursor pass as {@code cursor} for the next page; {@code null} on the
	 * last
	 */
	record AuditPage(List<AuditView> events, String nextCursor) {
	}

	record AuditView(String id, Instant time, String actor, String action, String outcome, String userId, String detail,
			String ip) {

		static AuditView of(OperatorEvent event) {
			return new AuditView(event.id(), event.occurredAt(), event.actor(), event.action().wire(), event.outcome(),
					event.userId(), event.detail(), event.clientIp());
		}

	}

}
