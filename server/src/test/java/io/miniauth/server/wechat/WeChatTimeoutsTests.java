package io.miniauth.server.wechat;

import java.time.Duration;

import io.miniauth.server.config.MiniAuthProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WeChatTimeoutsTests {

	@Test
	void longestLoginWhenDefaultTimeoutsThenTwoFullTriesAndTheRetryPause() {
		WeChatTimeouts timeouts = WeChatTimeouts.of(new MiniAuthProperties.WeChat(null, Duration.ofSeconds(2),
				Duration.ofSeconds(5), 10, Duration.ofSeconds(10)));

		assertThat(timeouts.longestLogin()).isEqualTo(Duration.ofMillis(14_200));
	}

}
