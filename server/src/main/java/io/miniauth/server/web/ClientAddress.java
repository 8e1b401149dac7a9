package io.miniauth.server.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import io.miniauth.server.config.MiniAuthProperties;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * The client's address: the peer of the connection, unless that peer is a configured
 * trusted proxy; then the right-most address in {@code X-Forwarded-For} that is not a
 * trusted proxy itself. A forwarding header from any other peer is ignored, since a
 * client can write anything there.
 */
@Component
public class ClientAddress {

	private final List<AddressRange> trustedProxies;

	public ClientAddress(MiniAuthProperties properties) {
		this.trustedProxies = properties.web().trustedProxies().stream().map(AddressRange::parse).toList();
	}

	public String of(HttpServletRequest request) {
		String peer = request.getRemoteAddr();
		if (!isTrusted(peer)) {
			return peer;
		}
		String forwarded = request.getHeader("X-Forwarded-For");
		if (forwarded == null || forwarded.isBlank()) {
			return peer;
		}
		String[] hops = forwarded.split(",");
		for (int i = hops.length - 1; i >= 0; i--) {
			String hop = hops[i].strip();
			if (!hop.isEmpty() && !isTrusted(hop)) {
				return hop;
			}
		}
		return peer;
	}

	private boolean isTrusted(String address) {
		return this.trustedProxies.stream().anyMatch((range) -> range.contains(address));
	}

	/**
	 * An address or CIDR range, IPv4 or IPv6.
	 */
	record AddressRange(byte[] network, int prefix) {

		static AddressRange parse(String text) {
			String[] parts = text.strip().split("/", 2);
			byte[] network = literal(parts[0]);
			if (network == null) {
				throw new IllegalArgumentException("miniauth.web.trusted-proxies: not an IP address: " + text);
			}
			int bits = network.length * 8;
			int prefix = (parts.length == 2) ? prefix(parts[1]) : bits;
			if (prefix < 0 || prefix > bits) {
				// refused here, at start: a bad range would otherwise fail every request
				throw new IllegalArgumentException("miniauth.web.trusted-proxies: the prefix of " + text.strip()
						+ " must be between 0 and " + bits);
			}
			return new AddressRange(network, prefix);
		}

		private static int prefix(String text) {
			try {
				return Integer.parseInt(text.strip());
			}
			catch (NumberFormatException ex) {
				return -1;
			}
		}

		boolean contains(String address) {
			byte[] candidate = literal(address);
			if (candidate == null || candidate.length != this.network.length) {
				return false;
			}
			for (int bit = 0; bit < this.prefix; bit++) {
				int mask = 0x80 >> (bit % 8);
				if ((candidate[bit / 8] & mask) != (this.network[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}

		/**
		 * Parses an IP literal without any name lookup; {@code null} when it is not one.
		 */
		private static byte[] literal(String text) {
			// only literals reach getByName, so it never looks a name up
			boolean ipv4 = text != null && text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
			boolean ipv6 = text != null && text.contains(":") && text.matches("[0-9a-fA-F:.]+");
			if (!ipv4 && !ipv6) {
				return null;
			}
			try {
				return InetAddress.getByName(text).getAddress();
			}
			catch (UnknownHostException ex) {
				return null;
			}
		}

	}

}
