package io.miniauth.server.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;

import redis.embedded.RedisServer;

/**
 * A real Redis (embedded-redis, from Maven Central) that a test can stop and start again
 * on the same port, empty, as a Redis without persistence comes back after a crash.
 */
final class RestartableRedis implements AutoCloseable {

	private final int port;

	private RedisServer server;

	private RestartableRedis(int port) {
		this.port = port;
	}

	static RestartableRedis started() {
		RestartableRedis redis = new RestartableRedis(JarProcess.freePort());
		redis.start();
		return redis;
	}

	synchronized void start() {
		if (this.server != null) {
			return;
		}
		try {
			RedisServer server = RedisServer.newRedisServer()
				.bind("127.0.0.1")
				.port(this.port)
				.setting("save \"\"")
				.setting("appendonly no")
				.build();
			server.start();
			this.server = server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	synchronized void stop() {
		if (this.server == null) {
			return;
		}
		try {
			this.server.stop();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.server = null;
		}
	}

	int port() {
		return this.port;
	}

	@Override
	public void close() {
		stop();
	}

}
