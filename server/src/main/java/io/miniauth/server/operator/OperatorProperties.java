package io.miniauth.server.operator;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import io.miniauth.server.config.Budget;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The operator realm's settings, under {@code miniauth.admin.}.
 *
 * @param apiKeys static API keys with the role {@code admin}, for scripts and for a first
 * start without a console (comma-separated)
 * @param bootstrapUsername the first admin's username
 * @param bootstrapPassword the first admin's password, used once, when no operator exists
 * yet; unset means a one-time setup link is printed in the start-up log instead
 * @param signInPerAccount sign-in attempts per username
 * @param signInPerAddress sign-in attempts per client address
 * @param zone the time zone of the dashboard's days
 * @param statsComputeBudget how long a dashboard request may spend rolling up days that
 * are over and not yet in the table; the days left are rolled up in the background and
 * named in the answer
 */
@Validated
@ConfigurationProperties("miniauth.admin")
public record OperatorProperties(List<String> apiKeys, @NotBlank @DefaultValue("admin") String bootstrapUsername,
		String bootstrapPassword, @NotNull @DefaultValue("5/5m") Budget signInPerAccount,
		@NotNull @DefaultValue("20/5m") Budget signInPerAddress, @NotNull @DefaultValue("Asia/Shanghai") ZoneId zone,
		@NotNull @DefaultValue("3s") Duration statsComputeBudget) {

	public OperatorProperties {
		apiKeys = (apiKeys != null) ? apiKeys.stream().map(String::strip).filter((key) -> !key.isEmpty()).toList()
				: List.of();
	}

	@Override
	public String toString() {
		return "OperatorProperties[apiKeys=******, bootstrapUsername=" + this.bootstrapUsername
				+ ", bootstrapPassword=******]";
	}

}
