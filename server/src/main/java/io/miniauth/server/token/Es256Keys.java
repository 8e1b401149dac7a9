package io.miniauth.server.token;

import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.miniauth.server.crypto.CryptoProvider;

/**
 * Makes ES256 keys, and their signers and verifiers on the configured crypto provider.
 */
final class Es256Keys {

	private final CryptoProvider crypto;

	Es256Keys(CryptoProvider crypto) {
		this.crypto = crypto;
	}

	/**
	 * A new P-256 key with a random key id.
	 * @return the private key
	 */
	ECKey generate() {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString())
				.algorithm(JWSAlgorithm.ES256)
				.keyUse(KeyUse.SIGNATURE)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate a signing key", ex);
		}
	}

	ECDSASigner signer(ECKey key) {
		try {
			// the key is converted to the provider's form once, not on every signature
			ECDSASigner signer = new ECDSASigner(this.crypto.ecKey(key.toECPrivateKey(), ECPrivateKey.class),
					Curve.P_256);
			signer.getJCAContext().setProvider(this.crypto.jca());
			return signer;
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign with key " + key.getKeyID(), ex);
		}
	}

	ECDSAVerifier verifier(ECKey key) {
		try {
			ECDSAVerifier verifier = new ECDSAVerifier(this.crypto.ecKey(key.toECPublicKey(), ECPublicKey.class));
			verifier.getJCAContext().setProvider(this.crypto.jca());
			return verifier;
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot use signing key " + key.getKeyID(), ex);
		}
	}

}
