package io.miniauth.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import redis.embedded.RedisServer;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * One real Redis for the whole test run, on a free loopback port, started when first
 * asked for and stopped when the JVM ends.
 */
public final class EmbeddedRedis {

	private static RedisServer server;

	private static int port;

	private static StringRedisTemplate template;

	private EmbeddedRedis() {
	}

	/**
	 * Starts Redis if it is not running yet.
	 * @return its port on 127.0.0.1
	 */
	public static synchronized int port() {
		if (server == null) {
			try {
				port = freePort();
				RedisServer started = RedisServer.newRedisServer()
					.bind("127.0.0.1")
					.port(port)
					.setting("save \"\"")
					.setting("appendonly no")
					.build();
				started.start();
				server = started;
				Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedRedis::stop));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return port;
	}

	/**
	 * A client of this Redis, for tests of the classes that keep shared state there. It
	 * is one client for the whole test run, closed when the JVM ends.
	 * @return the client
	 */
	public static synchronized StringRedisTemplate template() {
		if (template == null) {
			LettuceConnectionFactory factory = new LettuceConnectionFactory(
					new RedisStandaloneConfiguration("127.0.0.1", port()));
			factory.afterPropertiesSet();
			factory.start();
			template = new StringRedisTemplate(factory);
			template.afterPropertiesSet();
		}
		return template;
	}

	private static synchronized void stop() {
		try {
			server.stop();
		}
		catch (IOException ex) {
			// the JVM is ending anyway
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
