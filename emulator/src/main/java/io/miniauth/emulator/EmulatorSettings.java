package io.miniauth.emulator;

import java.time.Duration;

import io.miniauth.emulator.webhook.WebhookInspector;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * Knobs for the fidelity rules that WeChat applies but does not pin down, bound from the
 * {@code emulator.*} properties.
 *
 * @param loginRateLimitPerMinute how many {@code jscode2session} calls one user may make
 * in any 60 seconds before WeChat's 45011 (100 in WeChat's docs); 0 or less switches the
 * limit off
 * @param sessionKeyMinRotationPeriod how long a user's {@code session_key} survives new
 * logins; zero means every new login code rotates it
 * @param webhookSecret the secret the webhook inspector checks signatures with
 * ({@code whsec_<base64>}); MiniAuth's demo mode signs with the default
 */
public record EmulatorSettings(@DefaultValue("100") int loginRateLimitPerMinute,
		@DefaultValue("0s") Duration sessionKeyMinRotationPeriod,
		@DefaultValue(WebhookInspector.DEMO_SECRET) String webhookSecret) {

	public EmulatorSettings {
		Assert.notNull(sessionKeyMinRotationPeriod, "sessionKeyMinRotationPeriod cannot be null");
		Assert.isTrue(!sessionKeyMinRotationPeriod.isNegative(), "sessionKeyMinRotationPeriod cannot be negative");
	}

}
