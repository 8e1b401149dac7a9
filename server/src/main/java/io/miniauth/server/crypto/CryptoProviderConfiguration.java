package io.miniauth.server.crypto;

import io.miniauth.server.config.MiniAuthProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the JCA provider once, at start-up, as {@code miniauth.crypto.provider} says,
 * and says in the log which one signs.
 */
@Configuration(proxyBeanMethods = false)
class CryptoProviderConfiguration {

	private static final Log logger = LogFactory.getLog(CryptoProviderConfiguration.class);

	@Bean
	CryptoProvider cryptoProvider(MiniAuthProperties properties) {
		CryptoProvider crypto = (properties.crypto().provider() == MiniAuthProperties.Crypto.Provider.AUTO)
				? CryptoProvider.nativeIfAvailable() : CryptoProvider.jdk();
		// names the JCA provider and its version only: no key or sealed value is near it
		logger.info("JCA provider for signing (ES256) and sealing at rest (AES-GCM): " + crypto.description());
		return crypto;
	}

}
