package io.miniauth.server.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * Publishes webhook events into the outbox: the event row and one delivery per subscribed
 * endpoint, written in the caller's transaction. A publication outside a transaction is a
 * programming error: the event could then be sent for a change that rolls back, or be
 * lost after one that commits.
 */
@Service
public class WebhookEvents {

	private final WebhookRepository repository;

	private final WebhookEndpoints endpoints;

	private final JsonMapper json;

	private final TransactionTemplate sameTransaction;

	private final Clock clock;

	WebhookEvents(WebhookRepository repository, WebhookEndpoints endpoints, JsonMapper json,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.repository = repository;
		this.endpoints = endpoints;
		this.json = json;
		this.clock = clock;
		this.sameTransaction = new TransactionTemplate(transactionManager);
		this.sameTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_MANDATORY);
	}

	/**
	 * Publishes an event in the current transaction.
	 * @param type what happened
	 * @param appid the user's app
	 * @param userId the user
	 * @param data the event's details; never a token, code, session_key or secret
	 * @throws org.springframework.transaction.IllegalTransactionStateException when no
	 * transaction is active
	 */
	public void publish(WebhookEventType type, String appid, String userId, Map<String, Object> data) {
		Assert.notNull(type, "type cannot be null");
		Assert.hasText(appid, "appid cannot be empty");
		Assert.hasText(userId, "userId cannot be empty");
		this.sameTransaction.executeWithoutResult((status) -> {
			List<WebhookEndpoint> subscribed = this.endpoints.subscribedTo(type);
			if (subscribed.isEmpty()) {
				// no one to tell: a service without webhooks writes nothing more
				return;
			}
			Instant now = this.clock.instant();
			String id = UUID.randomUUID().toString();
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("id", id);
			body.put("type", type.wireName());
			body.put("timestamp", now.toString());
			body.put("appid", appid);
			body.put("userId", userId);
			body.put("data", data);
			this.repository
				.insertEvent(new StoredEvent(id, type, appid, userId, now, this.json.writeValueAsString(body)));
			for (WebhookEndpoint endpoint : subscribed) {
				this.repository.insertDelivery(id, endpoint.name(), userId, now);
			}
		});
	}

}
