package io.miniauth.server.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs calls at once, one thread each, released together as near the same moment as
 * threads allow, for the tests of what happens when requests race.
 */
public final class AtOnce {

	private AtOnce() {
	}

	/**
	 * Runs the calls at once and waits for all of them.
	 * @param <T> what each call returns
	 * @param calls the calls
	 * @return their results, in the order of the calls
	 * @throws Exception the first call's failure, wrapped as {@code ExecutionException}
	 */
	public static <T> List<T> run(List<? extends Callable<T>> calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		try {
			CountDownLatch ready = new CountDownLatch(calls.size());
			CountDownLatch go = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> call : calls) {
				futures.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					return call.call();
				}));
			}
			Latches.await(ready);
			go.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * Runs the same call that many times at once.
	 * @param <T> what the call returns
	 * @param times how many times
	 * @param call the call
	 * @return the results
	 * @throws Exception the first call's failure, wrapped as {@code ExecutionException}
	 */
	public static <T> List<T> run(int times, Callable<T> call) throws Exception {
		List<Callable<T>> calls = new ArrayList<>();
		for (int i = 0; i < times; i++) {
			calls.add(call);
		}
		return run(calls);
	}

}
