package io.miniauth.server.admin.console;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.miniauth.server.app.MiniApps;
import io.miniauth.server.wechat.AccessTokenStore;
import io.miniauth.server.wechat.WeChatAccessToken;
import io.miniauth.server.wechat.WeChatCircuitBreakers;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/api/apps}: the configured mini programs with their WeChat circuit and
 * access token state. Never an app secret, never a token.
 */
@RestController
@Tag(name = "admin")
class AdminAppController {

	private final MiniApps apps;

	private final WeChatCircuitBreakers breakers;

	private final AccessTokenStore accessTokens;

	private final Clock clock;

	AdminAppController(MiniApps apps, WeChatCircuitBreakers breakers, AccessTokenStore accessTokens, Clock clock) {
		this.apps = apps;
		this.breakers = breakers;
		this.accessTokens = accessTokens;
		this.clock = clock;
	}

	@GetMapping("/admin/api/apps")
	AppList apps() {
		Instant now = this.clock.instant();
		return new AppList(this.apps.all().stream().map((app) -> {
			WeChatAccessToken token = this.accessTokens.get(app.appid()).orElse(null);
			String state = (token == null) ? "none" : (token.expiresAt().isAfter(now) ? "valid" : "expired");
			return new AppView(app.appid(), app.openPlatform(),
					this.breakers.state(app.appid()).name().toLowerCase(Locale.ROOT),
					new AccessTokenState(state, (token != null) ? token.expiresAt() : null));
		}).toList());
	}

	record AppList(List<AppView> apps) {
	}

	/**
	 * @param appid the appid
	 * @param openPlatform the open-platform account, or {@code null}
	 * @param circuit the WeChat circuit: {@code closed}, {@code open}, {@code half_open},
	 * ...
	 * @param accessToken the app's WeChat access token state
	 */
	record AppView(String appid, String openPlatform, String circuit, AccessTokenState accessToken) {
	}

	/**
	 * @param state {@code none} (not fetched yet), {@code valid} or {@code expired}
	 * @param expiresAt when it expires, or {@code null}
	 */
	record AccessTokenState(String state, Instant expiresAt) {
	}

}
