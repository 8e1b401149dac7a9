package io.miniauth.emulator.security;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Looks for due {@code media_check_async} results at a fixed interval on a daemon thread
 * of its own, and pushes them, as WeChat pushes its verdicts some time after the check.
 */
final class MediaResultPoller implements InitializingBean, DisposableBean {

	private static final Log logger = LogFactory.getLog(MediaResultPoller.class);

	private final MediaResultPushes pushes;

	private final Duration interval;

	private ScheduledExecutorService executor;

	MediaResultPoller(MediaResultPushes pushes, Duration interval) {
		this.pushes = pushes;
		this.interval = interval;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.interval.isZero()) {
			return;
		}
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "emulator-media-results");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.interval.toMillis();
		this.executor.scheduleWithFixedDelay(this::pushDue, millis, millis, TimeUnit.MILLISECONDS);
	}

	private void pushDue() {
		try {
			this.pushes.pushDue();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not push media check results: " + ex.getClass().getSimpleName());
		}
	}

	@Override
	public void destroy() {
		if (this.executor != null) {
			this.executor.shutdownNow();
		}
	}

}
