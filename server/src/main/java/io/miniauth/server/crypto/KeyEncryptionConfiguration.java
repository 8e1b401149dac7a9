package io.miniauth.server.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import io.miniauth.server.config.MiniAuthProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The key-encryption key that seals private signing keys and session keys at rest. It
 * comes from {@code miniauth.security.key-encryption-key} (32 bytes, Base64). Only in the
 * emulator's demo mode may it be left out: then one is generated and kept in the data
 * directory. With real apps configured the service refuses to start without it, because a
 * key stored beside the database protects nothing.
 */
@Configuration(proxyBeanMethods = false)
class KeyEncryptionConfiguration {

	private static final Log logger = LogFactory.getLog(KeyEncryptionConfiguration.class);

	static final String FILE_NAME = "key-encryption-key";

	@Bean
	SecretBox secretBox(MiniAuthProperties properties, CryptoProvider crypto) {
		String configured = properties.security().keyEncryptionKey();
		if (StringUtils.hasText(configured)) {
			return new SecretBox(decode(configured.strip()), crypto);
		}
		if (!properties.apps().isEmpty()) {
			throw new IllegalStateException("miniauth.security.key-encryption-key is required when real apps are "
					+ "configured: set it to 32 random bytes in Base64 (for example: openssl rand -base64 32)");
		}
		return new SecretBox(decode(readOrCreate(properties.dataDir().resolve(FILE_NAME))), crypto);
	}

	private static byte[] decode(String base64) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("miniauth.security.key-encryption-key is not valid Base64");
		}
		if (key.length != 32) {
			throw new IllegalStateException(
					"miniauth.security.key-encryption-key must be 32 bytes, Base64-encoded (it has " + key.length
							+ ")");
		}
		return key;
	}

	private static String readOrCreate(Path file) {
		try {
			if (!Files.exists(file)) {
				Path dir = file.toAbsolutePath().getParent();
				Files.createDirectories(dir);
				byte[] key = new byte[32];
				new SecureRandom().nextBytes(key);
				// written in full, owner-only, under a temporary name, then linked into
				// place:
				// another instance never reads a half-written or readable key
				Path written = Files.createTempFile(dir, FILE_NAME, ".tmp");
				try {
					restrictToOwner(written);
					Files.writeString(written, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
					Files.createLink(file, written);
					logger.warn("Generated a key-encryption key in " + file.toAbsolutePath()
							+ " (demo mode only; configure miniauth.security.key-encryption-key in production)");
				}
				catch (FileAlreadyExistsException ex) {
					// another instance created it first: use theirs
				}
				finally {
					Files.deleteIfExists(written);
				}
			}
			return Files.readString(file, StandardCharsets.US_ASCII).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create " + file.toAbsolutePath(), ex);
		}
	}

	private static void restrictToOwner(Path file) {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException | IOException ex) {
			// not a POSIX file system
		}
	}

}
