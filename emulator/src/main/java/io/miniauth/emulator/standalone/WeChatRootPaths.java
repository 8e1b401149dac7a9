package io.miniauth.emulator.standalone;

import java.util.List;
import java.util.Map;

import io.miniauth.emulator.api.WeChatEndpoint;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.util.Assert;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Serves each of WeChat's endpoints at its own path as well, {@code /sns/jscode2session}
 * next to {@code /emulator/sns/jscode2session}, so that a client only has to swap
 * {@code https://api.weixin.qq.com} for the emulator's address. Only the standalone
 * emulator does this: an application that embeds the emulator owns its root paths.
 * Control endpoints stay under {@code /emulator} alone.
 */
final class WeChatRootPaths implements SmartInitializingSingleton {

	/** Where every emulator endpoint is mounted. */
	static final String PREFIX = "/emulator";

	private final RequestMappingHandlerMapping handlerMapping;

	WeChatRootPaths(RequestMappingHandlerMapping handlerMapping) {
		Assert.notNull(handlerMapping, "handlerMapping cannot be null");
		this.handlerMapping = handlerMapping;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Map<RequestMappingInfo, HandlerMethod> mappings = this.handlerMapping.getHandlerMethods();
		mappings.forEach((mapping, method) -> {
			List<String> rootPaths = rootPaths(mapping, method);
			if (!rootPaths.isEmpty()) {
				this.handlerMapping.registerMapping(mapping.mutate().paths(rootPaths.toArray(String[]::new)).build(),
						method.getBean(), method.getMethod());
			}
		});
	}

	private static List<String> rootPaths(RequestMappingInfo mapping, HandlerMethod method) {
		if (!method.hasMethodAnnotation(WeChatEndpoint.class)) {
			return List.of();
		}
		return mapping.getPatternValues()
			.stream()
			.filter((path) -> path.startsWith(PREFIX + "/"))
			.map((path) -> path.substring(PREFIX.length()))
			.sorted()
			.toList();
	}

}
