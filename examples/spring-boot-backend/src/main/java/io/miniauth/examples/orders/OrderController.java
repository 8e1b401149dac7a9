package io.miniauth.examples.orders;

import java.util.List;

import io.miniauth.spring.MiniAuthPrincipal;
import io.miniauth.spring.MiniAuthUser;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/orders}: the caller's orders. The user comes from the MiniAuth access
 * token; nobody can read or place another user's orders.
 */
@RestController
class OrderController {

	private final OrderBook orders;

	OrderController(OrderBook orders) {
		this.orders = orders;
	}

	@GetMapping("/api/orders")
	List<Order> mine(@MiniAuthUser MiniAuthPrincipal user) {
		return this.orders.of(user.userId());
	}

	@PostMapping("/api/orders")
	@ResponseStatus(HttpStatus.CREATED)
	Order place(@MiniAuthUser MiniAuthPrincipal user, @Valid @RequestBody NewOrder order) {
		return this.orders.place(user.userId(), order.item());
	}

}
