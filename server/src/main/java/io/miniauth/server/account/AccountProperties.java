package io.miniauth.server.account;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Account lifecycle settings, under {@code miniauth.account}.
 *
 * @param deletionGracePeriod how long an account the user asked to delete stays locked
 * (and can be restored by a login with {@code cancelDeletion}) before it is erased;
 * {@code 0} erases it at once
 * @param deletionCheckInterval how often due deletions are looked for
 */
@Validated
@ConfigurationProperties("miniauth.account")
public record AccountProperties(@NotNull @DefaultValue("0s") Duration deletionGracePeriod,
		@NotNull @DefaultValue("1m") Duration deletionCheckInterval) {

	public AccountProperties {
		if (deletionGracePeriod != null && deletionGracePeriod.isNegative()) {
			throw new IllegalArgumentException("miniauth.account.deletion-grace-period must not be negative");
		}
	}

}
