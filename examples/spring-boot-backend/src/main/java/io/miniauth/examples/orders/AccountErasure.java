package io.miniauth.examples.orders;

import io.miniauth.spring.webhook.MiniAuthWebhookEvent;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Erases a user's orders when MiniAuth says the account was deleted (its
 * {@code user.deleted} webhook, which the starter verifies and publishes).
 */
@Component
class AccountErasure {

	private final OrderBook orders;

	AccountErasure(OrderBook orders) {
		this.orders = orders;
	}

	@EventListener(condition = "#event.userDeleted")
	void erase(MiniAuthWebhookEvent event) {
		this.orders.erase(event.getUserId());
	}

}
