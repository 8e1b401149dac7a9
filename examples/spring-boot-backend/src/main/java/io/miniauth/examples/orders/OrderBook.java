package io.miniauth.examples.orders;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;

/**
 * The orders, in memory, by MiniAuth user id (a real backend keeps them in its database,
 * keyed the same way).
 */
@Component
class OrderBook {

	private final Map<String, List<Order>> byUser = new ConcurrentHashMap<>();

	private final Clock clock = Clock.systemUTC();

	List<Order> of(String userId) {
		return List.copyOf(this.byUser.getOrDefault(userId, List.of()));
	}

	void erase(String userId) {
		this.byUser.remove(userId);
	}

	Order place(String userId, String item) {
		Order order = new Order(UUID.randomUUID().toString(), userId, item, this.clock.instant());
		this.byUser.computeIfAbsent(userId, (id) -> new CopyOnWriteArrayList<>()).add(order);
		return order;
	}

}
