package io.miniauth.server.support;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the tests that talk to the whole service over a real socket, as a mini program
 * would: a {@link MiniAuthTest} context, an {@link Api} on its port, and the clock the
 * tests move.
 */
@MiniAuthTest
public abstract class ServerHttpTests {

	@LocalServerPort
	protected int port;

	@Autowired
	protected MutableClock clock;

	protected Api api;

	@BeforeEach
	protected void connectApi() {
		this.api = new Api(this.port);
	}

}
