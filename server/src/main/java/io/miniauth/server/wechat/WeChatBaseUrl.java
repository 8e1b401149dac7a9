package io.miniauth.server.wechat;

import java.net.URI;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.util.Assert;

/**
 * Where WeChat's API is: a configured URL, or the emulator embedded in this very service,
 * whose port is known only once the web server has started.
 */
public final class WeChatBaseUrl implements ApplicationListener<WebServerInitializedEvent> {

	/** The real WeChat API. */
	public static final URI WECHAT = URI.create("https://api.weixin.qq.com");

	private final String contextPath;

	private volatile URI uri;

	private WeChatBaseUrl(URI uri, String contextPath) {
		this.uri = uri;
		this.contextPath = contextPath;
	}

	public static WeChatBaseUrl fixed(URI uri) {
		Assert.notNull(uri, "uri cannot be null");
		return new WeChatBaseUrl(uri, null);
	}

	/**
	 * The emulator embedded in this service, under {@code /emulator} on the local port.
	 * @param contextPath the servlet context path, or empty
	 * @return the base URL, resolved when the web server starts
	 */
	public static WeChatBaseUrl embeddedEmulator(String contextPath) {
		return new WeChatBaseUrl(null, (contextPath != null) ? contextPath : "");
	}

	public URI get() {
		URI current = this.uri;
		if (current == null) {
			throw new WeChatUnavailableException("the embedded emulator's web server has not started", 0);
		}
		return current;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		// only the main web server: a separate management server has a namespace
		if (this.contextPath != null && event.getApplicationContext().getServerNamespace() == null) {
			this.uri = URI
				.create("http://127.0.0.1:" + event.getWebServer().getPort() + this.contextPath + "/emulator");
		}
	}

}
