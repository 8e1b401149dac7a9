package io.miniauth.server.crypto;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.Mac;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;

import org.springframework.util.Assert;

/**
 * The JCA provider that does MiniAuth's cryptography: the ES256 signatures of access
 * tokens, AES-GCM and HMAC-SHA256. Where it loads (Linux on x86-64), that is Amazon
 * Corretto Crypto Provider, whose P-256 arithmetic is native (AWS-LC) and tens of times
 * faster than the JDK's; elsewhere, and when asked to, it is the JDK's own providers.
 * Both produce the same formats: a token signed by one verifies with the other, and a
 * value sealed by one opens with the other.
 * <p>
 * The provider is used explicitly, never installed in the JVM's provider list, so nothing
 * else in the process changes with it.
 */
public final class CryptoProvider {

	private final Provider provider;

	private final String description;

	private CryptoProvider(Provider provider, String description) {
		this.provider = provider;
		this.description = description;
	}

	/**
	 * The JDK's own providers.
	 * @return the JDK's providers
	 */
	public static CryptoProvider jdk() {
		return jdk("as configured");
	}

	private static CryptoProvider jdk(String why) {
		return new CryptoProvider(null, "the JDK's own providers (" + why + ")");
	}

	/**
	 * The native provider, when it loads on this platform.
	 * @return the native provider, otherwise the JDK's (saying why)
	 */
	public static CryptoProvider nativeIfAvailable() {
		try {
			AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
			Throwable loadingError = accp.getLoadingError();
			if (loadingError != null) {
				return jdk("Amazon Corretto Crypto Provider does not load on " + platform() + ": "
						+ loadingError.getClass().getSimpleName());
			}
			accp.assertHealthy();
			return new CryptoProvider(accp, "Amazon Corretto Crypto Provider " + accp.getVersionStr() + " ("
					+ accp.getAwsLcVersionStr() + ", native)");
		}
		catch (RuntimeException | LinkageError ex) {
			return jdk("Amazon Corretto Crypto Provider is not usable on " + platform() + ": "
					+ ex.getClass().getSimpleName());
		}
	}

	private static String platform() {
		return System.getProperty("os.name") + "/" + System.getProperty("os.arch");
	}

	/**
	 * Whether the native provider is in use.
	 * @return {@code true} for the native provider, {@code false} for the JDK's
	 */
	public boolean isNative() {
		return this.provider != null;
	}

	/**
	 * For libraries that take a provider (Nimbus' {@code getJCAContext().setProvider}).
	 * @return the provider, or {@code null} for the JDK's default lookup
	 */
	public Provider jca() {
		return this.provider;
	}

	/**
	 * Says which provider this is, and why, for the start-up log.
	 * @return a description
	 */
	public String description() {
		return this.description;
	}

	/**
	 * A cipher from this provider.
	 * @param transformation for example {@code AES/GCM/NoPadding}
	 * @return a new cipher
	 * @throws GeneralSecurityException when the provider lacks it
	 */
	public Cipher cipher(String transformation) throws GeneralSecurityException {
		return (this.provider != null) ? Cipher.getInstance(transformation, this.provider)
				: Cipher.getInstance(transformation);
	}

	/**
	 * A MAC from this provider.
	 * @param algorithm for example {@code HmacSHA256}
	 * @return a new MAC
	 * @throws NoSuchAlgorithmException when the provider lacks it
	 */
	public Mac mac(String algorithm) throws NoSuchAlgorithmException {
		return (this.provider != null) ? Mac.getInstance(algorithm, this.provider) : Mac.getInstance(algorithm);
	}

	/**
	 * A source of randomness for nonces. The native provider's is a DRBG with no lock
	 * shared between threads.
	 * @return a new random source
	 */
	public SecureRandom secureRandom() {
		if (this.provider != null) {
			try {
				return SecureRandom.getInstance("DEFAULT", this.provider);
			}
			catch (NoSuchAlgorithmException ex) {
				// fall through to the JDK's
			}
		}
		return new SecureRandom();
	}

	/**
	 * An EC key in this provider's own form, so that it is not converted again on every
	 * signature.
	 * @param <K> the key's type
	 * @param key a key from any provider
	 * @param type the key's type
	 * @return the key as this provider holds it, or the key itself for the JDK's
	 */
	public <K extends Key> K ecKey(K key, Class<K> type) {
		if (this.provider == null) {
			return key;
		}
		try {
			return type.cast(KeyFactory.getInstance("EC", this.provider).translateKey(key));
		}
		catch (GeneralSecurityException | ClassCastException ex) {
			throw new IllegalStateException("Cannot use an EC key with " + this.provider.getName(), ex);
		}
	}

	@Override
	public String toString() {
		return this.description;
	}

}
