package io.miniauth.server.admin;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Operator API settings, under {@code miniauth.admin}.
 *
 * @param apiKeys the keys that open {@code /admin/api/**} ({@code Authorization: Bearer
 * <key>}), comma-separated; none closes those routes (except in demo mode, see
 * {@link AdminApiKeys})
 */
@ConfigurationProperties("miniauth.admin")
public record AdminProperties(List<String> apiKeys) {

	public AdminProperties {
		apiKeys = (apiKeys != null) ? apiKeys.stream().map(String::strip).filter((key) -> !key.isEmpty()).toList()
				: List.of();
	}

	@Override
	public String toString() {
		return "AdminProperties[apiKeys=" + this.apiKeys.size() + " keys]";
	}

}
