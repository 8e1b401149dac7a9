package io.miniauth.server.wechat;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.miniauth.server.app.MiniApp;

/**
 * What the WeChat client counts: each call's latency and outcome, each errcode WeChat
 * answers, and each call WeChat charges the operator for.
 */
final class WeChatMeters {

	private final MeterRegistry meters;

	WeChatMeters(MeterRegistry meters) {
		this.meters = meters;
	}

	/**
	 * Runs a call and records how long it took, and whether it was answered or failed.
	 * @param <T> what the call returns
	 * @param api the WeChat API's name
	 * @param call the call
	 * @return what the call returned
	 */
	<T> T timed(String api, Supplier<T> call) {
		long started = System.nanoTime();
		String outcome = "answered";
		try {
			return call.get();
		}
		catch (RuntimeException ex) {
			outcome = "failed";
			throw ex;
		}
		finally {
			this.meters.timer("miniauth.wechat.calls", "api", api, "outcome", outcome)
				.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		}
	}

	void countError(String api, int errcode) {
		this.meters.counter("miniauth.wechat.errors", "api", api, "errcode", Integer.toString(errcode)).increment();
	}

	/**
	 * Counts a call that WeChat charges the operator for, such as a phone number
	 * exchange.
	 */
	void countPaidCall(MiniApp app, String api) {
		this.meters.counter("miniauth.wechat.paid.calls", "app", app.appid(), "api", api).increment();
	}

}
