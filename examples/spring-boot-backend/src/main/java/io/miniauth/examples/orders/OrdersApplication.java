package io.miniauth.examples.orders;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A business backend of a mini program: orders filed under the MiniAuth user id. The
 * MiniAuth starter verifies the access token of every request under {@code /api/} and
 * refuses those of ended sessions.
 */
@SpringBootApplication
public class OrdersApplication {

	public static void main(String[] args) {
		SpringApplication.run(OrdersApplication.class, args);
	}

}
