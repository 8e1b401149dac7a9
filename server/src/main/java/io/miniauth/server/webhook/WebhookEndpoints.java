package io.miniauth.server.webhook;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.miniauth.server.app.EmulatorMode;
import io.miniauth.emulator.webhook.WebhookInspector;
import io.miniauth.server.config.MiniAuthProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The configured webhook endpoints, checked when the service starts: {@code https} only
 * (plain {@code http} to loopback in demo mode), a {@code whsec_} secret, known event
 * types, and no address that would turn the service against itself or its host (loopback
 * outside demo mode, the host's own addresses, link-local addresses such as the cloud
 * metadata service, wildcard and multicast addresses).
 */
@Component
class WebhookEndpoints {

	/** Where demo mode sends events: the embedded emulator's inspector. */
	static final String INSPECTOR = "emulator-inspector";

	private volatile List<WebhookEndpoint> endpoints;

	private final boolean loopbackAllowed;

	private boolean inspectorWanted;

	@Autowired
	WebhookEndpoints(MiniAuthProperties properties) {
		this(properties.webhooks().endpoints(), EmulatorMode.isOn(properties));
		this.inspectorWanted = EmulatorMode.isOn(properties) && properties.apps().isEmpty()
				&& properties.webhooks().endpoints().isEmpty() && properties.webhooks().emulatorInspector();
	}

	/**
	 * In demo mode with no endpoint configured, sends every event to the embedded
	 * emulator's inspector ({@code GET /emulator/webhooks} lists them), once the port is
	 * known.
	 * @param event the server has started
	 */
	@EventListener
	void wireInspector(WebServerInitializedEvent event) {
		// the application's own server, not a separate management port
		if (this.inspectorWanted && event.getApplicationContext().getServerNamespace() == null
				&& find(INSPECTOR) == null) {
			URI url = URI.create("http://127.0.0.1:" + event.getWebServer().getPort() + "/emulator/webhooks/demo");
			this.endpoints = List.of(new WebhookEndpoint(INSPECTOR, url,
					List.of(WebhookSecret.parse(WebhookInspector.DEMO_SECRET, "the inspector's secret")),
					Set.copyOf(EnumSet.allOf(WebhookEventType.class))));
		}
	}

	boolean inspectorWired() {
		return find(INSPECTOR) != null;
	}

	// Visible for testing
	WebhookEndpoints(List<MiniAuthProperties.WebhookEndpoint> configured, boolean demoMode) {
		this.loopbackAllowed = demoMode;
		List<WebhookEndpoint> checked = new ArrayList<>();
		Set<String> names = new LinkedHashSet<>();
		for (int i = 0; i < configured.size(); i++) {
			WebhookEndpoint endpoint = check(configured.get(i), "miniauth.webhooks.endpoints[" + i + "]", i);
			if (!names.add(endpoint.name())) {
				throw new IllegalArgumentException("miniauth.webhooks.endpoints[" + i + "].name '" + endpoint.name()
						+ "' is used by another endpoint");
			}
			checked.add(endpoint);
		}
		this.endpoints = List.copyOf(checked);
	}

	List<WebhookEndpoint> all() {
		return this.endpoints;
	}

	List<WebhookEndpoint> subscribedTo(WebhookEventType type) {
		return this.endpoints.stream().filter((endpoint) -> endpoint.subscribes(type)).toList();
	}

	WebhookEndpoint find(String name) {
		return this.endpoints.stream().filter((endpoint) -> endpoint.name().equals(name)).findFirst().orElse(null);
	}

	/**
	 * Checks the address an endpoint's host resolves to now, before each delivery: a name
	 * that resolved to a public address at start may point elsewhere since.
	 * @param url the endpoint's URL
	 * @throws IllegalArgumentException when it is refused
	 */
	void checkAddress(URI url) {
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(url.getHost());
		}
		catch (UnknownHostException ex) {
			// not refused: the name may resolve later, and the delivery is retried
			return;
		}
		for (InetAddress address : addresses) {
			String refusal = refusal(address);
			if (refusal != null) {
				throw new IllegalArgumentException(
						"the host " + url.getHost() + " resolves to " + address.getHostAddress() + ", " + refusal);
			}
		}
	}

	private WebhookEndpoint check(MiniAuthProperties.WebhookEndpoint configured, String property, int index) {
		URI url = configured.url();
		if (url == null || url.getHost() == null || url.getRawUserInfo() != null || url.getRawFragment() != null) {
			throw new IllegalArgumentException(
					property + ".url must be an absolute URL with a host, " + "without user info or fragment");
		}
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		boolean loopbackHttp = "http".equals(scheme) && this.loopbackAllowed && isLoopbackName(url.getHost());
		if (!"https".equals(scheme) && !loopbackHttp) {
			throw new IllegalArgumentException(property + ".url must use https (plain http is allowed only to "
					+ "loopback in demo mode): " + url);
		}
		try {
			checkAddress(url);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(property + ".url is refused: " + ex.getMessage());
		}
		List<WebhookSecret> secrets = new ArrayList<>();
		secrets.add(WebhookSecret.parse(configured.secret(), property + ".secret"));
		if (configured.previousSecret() != null && !configured.previousSecret().isBlank()) {
			secrets.add(WebhookSecret.parse(configured.previousSecret(), property + ".previous-secret"));
		}
		Set<WebhookEventType> events = EnumSet.noneOf(WebhookEventType.class);
		if (configured.events().isEmpty()) {
			events.addAll(EnumSet.allOf(WebhookEventType.class));
		}
		for (String event : configured.events()) {
			try {
				events.add(WebhookEventType.ofWireName(event.strip()));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(property + ".events: " + ex.getMessage());
			}
		}
		String name = (configured.name() != null) ? configured.name() : "endpoint-" + index;
		return new WebhookEndpoint(name, url, List.copyOf(secrets), Set.copyOf(events));
	}

	private String refusal(InetAddress address) {
		if (address.isAnyLocalAddress()) {
			return "a wildcard address";
		}
		if (address.isMulticastAddress()) {
			return "a multicast address";
		}
		if (address.isLinkLocalAddress() || isMetadata(address)) {
			return "a link-local address (such as a cloud metadata service)";
		}
		if (address.isLoopbackAddress()) {
			return this.loopbackAllowed ? null : "a loopback address (allowed only in demo mode)";
		}
		if (isOwnAddress(address)) {
			return "an address of this host";
		}
		return null;
	}

	private static boolean isMetadata(InetAddress address) {
		// AWS's IPv6 metadata address, and Alibaba Cloud's
		String literal = address.getHostAddress();
		return literal.equals("fd00:ec2:0:0:0:0:0:254") || literal.equals("100.100.100.200");
	}

	private static boolean isOwnAddress(InetAddress address) {
		try {
			return NetworkInterface.getByInetAddress(address) != null;
		}
		catch (SocketException ex) {
			return false;
		}
	}

	private static boolean isLoopbackName(String host) {
		try {
			for (InetAddress address : InetAddress.getAllByName(host)) {
				if (!address.isLoopbackAddress()) {
					return false;
				}
			}
			return true;
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
