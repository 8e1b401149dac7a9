package io.miniauth.server.web;

import java.nio.file.Path;
import java.util.List;

import io.miniauth.server.config.MiniAuthProperties;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientAddressTests {

	@Test
	void ofWhenPeerIsNotATrustedProxyThenForwardedHeaderIgnored() {
		ClientAddress address = address("10.0.0.0/8");

		assertThat(address.of(request("203.0.113.5", "1.2.3.4"))).isEqualTo("203.0.113.5");
	}

	@Test
	void ofWhenPeerIsTrustedProxyThenRightMostUntrustedHop() {
		ClientAddress address = address("10.0.0.0/8", "192.0.2.1");

		assertThat(address.of(request("10.1.2.3", "6.6.6.6, 198.51.100.7, 192.0.2.1"))).isEqualTo("198.51.100.7");
	}

	@Test
	void ofWhenTrustedProxySendsNoHeaderThenPeer() {
		assertThat(address("10.0.0.0/8").of(request("10.1.2.3", null))).isEqualTo("10.1.2.3");
	}

	@Test
	void ofWhenIpv6RangeThenMatched() {
		assertThat(address("::1", "fd00::/8").of(request("fd12::1", "2001:db8::9"))).isEqualTo("2001:db8::9");
	}

	@Test
	void constructorWhenTrustedProxyIsAHostNameThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> address("proxy.example.com"))
			.withMessageContaining("not an IP address");
	}

	private static ClientAddress address(String... trusted) {
		MiniAuthProperties defaults = new MiniAuthProperties(Path.of("data"), null, null, null, null,
				new MiniAuthProperties.Web(DataSize.ofKilobytes(16), List.of(trusted)), null, null, null, null, null);
		return new ClientAddress(defaults);
	}

	private static MockHttpServletRequest request(String peer, String forwardedFor) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(peer);
		if (forwardedFor != null) {
			request.addHeader("X-Forwarded-For", forwardedFor);
		}
		return request;
	}

}
