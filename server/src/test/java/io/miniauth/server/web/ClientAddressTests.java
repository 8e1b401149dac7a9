package io.miniauth.server.web;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

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
	void ofWhenAddressSpelledAnotherWayThenOneCanonicalForm() {
		ClientAddress address = address("127.0.0.1");

		assertThat(address.of(request("127.0.0.1", "2001:0DB8:0000:0000::0001"))).isEqualTo("2001:db8::1");
		assertThat(address.of(request("127.0.0.1", "::ffff:203.0.113.9"))).isEqualTo("203.0.113.9");
		assertThat(address.of(request("127.0.0.1", "2001:db8:0:1:0:0:0:1"))).isEqualTo("2001:db8:0:1::1");
	}

	@Test
	void ofWhenForwardedHopIsNotAnAddressThenThePeer() {
		assertThat(address("127.0.0.1").of(request("127.0.0.1", "<img src=x onerror=alert(1)>")))
			.isEqualTo("127.0.0.1");
	}

	@Test
	void networkWhenIpv6ThenCutToThePrefixAndIpv4ThenItself() {
		assertThat(ClientAddress.network("2001:db8:1:2:ffff:ffff:ffff:9", 64)).isEqualTo("2001:db8:1:2::/64");
		assertThat(ClientAddress.network("2001:db8:1:2::1", 48)).isEqualTo("2001:db8:1::/48");
		assertThat(ClientAddress.network("203.0.113.9", 64)).isEqualTo("203.0.113.9");
	}

	@Test
	void constructorWhenTrustedProxyIsAHostNameThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> address("proxy.example.com"))
			.withMessageContaining("not an IP address");
	}

	@Test
	void ofWhenWholeAddressPrefixesThenMatchedExactly() {
		ClientAddress address = address("192.0.2.1/32", "2001:db8::1/128");

		assertThat(address.of(request("192.0.2.1", "198.51.100.7"))).isEqualTo("198.51.100.7");
		assertThat(address.of(request("192.0.2.2", "198.51.100.7"))).isEqualTo("192.0.2.2");
		assertThat(address.of(request("2001:db8::1", "198.51.100.7"))).isEqualTo("198.51.100.7");
	}

	@Test
	void ofWhenZeroPrefixThenEveryAddressOfThatFamilyTrusted() {
		ClientAddress address = address("0.0.0.0/0");

		assertThat(address.of(request("203.0.113.5", "198.51.100.7, 10.0.0.1"))).isEqualTo("203.0.113.5");
		assertThat(address.of(request("2001:db8::5", "198.51.100.7"))).isEqualTo("2001:db8::5");
	}

	@Test
	void ofWhenPrefixEndsInsideAByteThenOnlyItsBitsCompared() {
		ClientAddress address = address("172.16.0.0/12");

		assertThat(address.of(request("172.31.255.255", "198.51.100.7"))).isEqualTo("198.51.100.7");
		assertThat(address.of(request("172.32.0.1", "198.51.100.7"))).isEqualTo("172.32.0.1");
	}

	@Test
	void constructorWhenPrefixLongerThanTheAddressThenRefusedNamingTheSetting() {
		assertThatIllegalArgumentException().isThrownBy(() -> address("127.0.0.1/33"))
			.withMessageContaining("miniauth.web.trusted-proxies")
			.withMessageContaining("127.0.0.1/33");
		assertThatIllegalArgumentException().isThrownBy(() -> address("::1/129"))
			.withMessageContaining("miniauth.web.trusted-proxies");
	}

	@Test
	void constructorWhenPrefixNegativeOrNotANumberThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> address("10.0.0.0/-1"))
			.withMessageContaining("miniauth.web.trusted-proxies");
		assertThatIllegalArgumentException().isThrownBy(() -> address("10.0.0.0/"))
			.withMessageContaining("miniauth.web.trusted-proxies");
		assertThatIllegalArgumentException().isThrownBy(() -> address("10.0.0.0/eight"))
			.withMessageContaining("miniauth.web.trusted-proxies");
	}

	private static ClientAddress address(String... trusted) {
		MiniAuthProperties defaults = new MiniAuthProperties(
				Path.of("data"), null, null, null, null, new MiniAuthProperties.Web(DataSize.ofKilobytes(16),
						List.of(trusted), Locale.SIMPLIFIED_CHINESE, List.of()),
				null, null, null, null, null, null, null, null);
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
