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

	/**
	 * The client's address, in one canonical text form (so that {@code ::ffff:1.2.3.4}
	 * and {@code 1.2.3.4}, or two spellings of one IPv6 address, are the same client).
	 * @param request the request
	 * @return the address
	 */
	public String of(HttpServletRequest request) {
		String peer = canonical(request.getRemoteAddr());
		if (this.trustedProxies.isEmpty() || !isTrusted(literal(peer))) {
			return peer;
		}
		String forwarded = request.getHeader("X-Forwarded-For");
		if (forwarded == null || forwarded.isBlank()) {
			return peer;
		}
		String[] hops = forwarded.split(",");
		for (int i = hops.length - 1; i >= 0; i--) {
			String hop = hops[i].strip();
			if (hop.isEmpty()) {
				continue;
			}
			byte[] address = literal(hop);
			if (address == null) {
				// not an address: neither it nor anything left of it can be believed
				return peer;
			}
			if (!isTrusted(address)) {
				return canonical(hop);
			}
		}
		return peer;
	}

	/**
	 * The network that per-address budgets count an address in: an IPv4 address itself,
	 * an IPv6 address cut to its first {@code ipv6Prefix} bits, since one IPv6 customer
	 * is usually given a whole /64.
	 * @param address a client address
	 * @param ipv6Prefix the IPv6 prefix length
	 * @return the network, as text
	 */
	public static String network(String address, int ipv6Prefix) {
		byte[] bytes = literal(address);
		if (bytes == null || bytes.length == 4) {
			return address;
		}
		for (int bit = ipv6Prefix; bit < bytes.length * 8; bit++) {
			bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
		}
		return text(bytes) + "/" + ipv6Prefix;
	}

	private static String canonical(String address) {
		byte[] bytes = literal(address);
		return (bytes != null) ? text(bytes) : address;
	}

	/**
	 * An address as text: IPv4 dotted, IPv6 as RFC 5952 recommends (lower case, no
	 * leading zeros, the longest run of two or more zero groups as {@code ::}).
	 */
	private static String text(byte[] address) {
		if (address.length == 4) {
			return (address[0] & 0xFF) + "." + (address[1] & 0xFF) + "." + (address[2] & 0xFF) + "."
					+ (address[3] & 0xFF);
		}
		int[] groups = new int[8];
		for (int i = 0; i < 8; i++) {
			groups[i] = ((address[2 * i] & 0xFF) << 8) | (address[2 * i + 1] & 0xFF);
		}
		int zerosFrom = -1;
		int zeros = 1;
		for (int i = 0; i < 8; i++) {
			int end = i;
			while (end < 8 && groups[end] == 0) {
				end++;
			}
			if (end - i > zeros) {
				zerosFrom = i;
				zeros = end - i;
			}
		}
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			if (i == zerosFrom) {
				text.append("::");
				i += zeros - 1;
				continue;
			}
			if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
				text.append(':');
			}
			text.append(Integer.toHexString(groups[i]));
		}
		return text.toString();
	}

	private boolean isTrusted(byte[] candidate) {
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
