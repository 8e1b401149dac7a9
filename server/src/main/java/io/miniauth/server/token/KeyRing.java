package io.miniauth.server.token;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;

/**
 * The keys as last read from the database, ready to sign and verify.
 *
 * @param signing the keys that may sign, newest first
 * @param verifiers the verifiers of the keys that may verify, by key id
 * @param publicKeys the JWKS
 */
record KeyRing(List<SigningKey> signing, Map<String, ECDSAVerifier> verifiers, JWKSet publicKeys) {

	KeyRing {
		signing = List.copyOf(signing);
		verifiers = Map.copyOf(verifiers);
	}

	/**
	 * The newest key published long enough ago; the oldest key when none is (the first
	 * key, or one whose predecessor has been dropped).
	 * @param now the time
	 * @return the key that signs
	 */
	SigningKey signing(Instant now) {
		for (SigningKey key : this.signing) {
			if (!now.isBefore(key.publishedAt())) {
				return key;
			}
		}
		return this.signing.get(this.signing.size() - 1);
	}

	/**
	 * A key that may sign.
	 *
	 * @param key the private key
	 * @param signer its signer
	 * @param publishedAt when it has been published long enough to sign, unless it is the
	 * only key
	 */
	record SigningKey(ECKey key, ECDSASigner signer, Instant publishedAt) {

		@Override
		public String toString() {
			return "SigningKey[kid=" + this.key.getKeyID() + ", publishedAt=" + this.publishedAt + "]";
		}

	}

}
