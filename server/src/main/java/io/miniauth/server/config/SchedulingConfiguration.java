package io.miniauth.server.config;

import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the periodic housekeeping (key rotation, deletion of expired sessions and refresh
 * tokens, pruning of events and rate-limit buckets), and logs a run that fails because
 * the database or Redis is down as one warning line.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

	@Bean
	ThreadPoolTaskSchedulerCustomizer scheduledTaskErrorsOnPlatformThreads() {
		return (scheduler) -> scheduler.setErrorHandler(new ScheduledTaskErrors());
	}

	@Bean
	SimpleAsyncTaskSchedulerCustomizer scheduledTaskErrorsOnVirtualThreads() {
		return (scheduler) -> scheduler.setErrorHandler(new ScheduledTaskErrors());
	}

}
