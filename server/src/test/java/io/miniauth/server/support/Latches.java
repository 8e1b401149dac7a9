package io.miniauth.server.support;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waits on the latches with which tests hold a request at a chosen point.
 */
public final class Latches {

	private Latches() {
	}

	/**
	 * Waits for a latch, failing the test when it is not released within 10 seconds.
	 * @param latch the latch
	 */
	public static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).as("released within 10 s").isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
