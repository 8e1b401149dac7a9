package io.miniauth.server.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

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

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

	private final List<AddressRange> trustedProxies;

	public ClientAddress(MiniAuthProperties properties) {
		this.trustedProxies = properties.web().trustedProxies().stream().map(AddressRange::parse).toList();
	}

	public String of(HttpServletRequest request) {
		String peer = request.getRemoteAddr();
		if (this.trustedProxies.isEmpty() || !isTrusted(peer)) {
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
		// parsed once, then compared with every range
		byte[] candidate = literal(address);
		if (candidate == null) {
			return false;
		}
		for (AddressRange range : this.trustedProxies) {
			if (range.contains(candidate)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Parses an IP literal without any name lookup; {@code null} when it is not one.
	 */
	private static byte[] literal(String text) {
		if (text == null || !(IPV4.matcher(text).matches() || IPV6.matcher(text).matches())) {
			return null;
		}
		try {
			// only literals reach getByName, so it never looks a name up
			return InetAddress.getByName(text).getAddress();
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	/**
	 * An address or CIDR range, IPv4 or IPv6.
	 *
	 * @param network the network's address bytes
	 * @param prefix how many leading bits an address must share with it
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

		boolean contains(byte[] candidate) {
			if (candidate.length != this.network.length) {
				return false;
			}
			int wholeBytes = this.prefix / 8;
			for (int i = 0; i < wholeBytes; i++) {
				if (candidate[i] != this.network[i]) {
					return false;
				}
			}
			int restBits = this.prefix % 8;
			if (restBits == 0) {
				return true;
			}
			int mask = (0xFF << (8 - restBits)) & 0xFF;
			return (candidate[wholeBytes] & mask) == (this.network[wholeBytes] & mask);
		}

	}

}
