package io.wagate.auth.token;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access-token signing keys.
 *
 * @param keys EC P-256 keys; the first signs, all are published in the JWKS. Rotate by putting the new key first
 *     and keeping the old one listed until the access tokens it signed have expired (the access-token TTL).
 * @param generateLocalKey when no key is configured: generate one and keep it in the database (local runs only;
 *     also on when {@code wagate.profile=local}). Without keys and without this, the service refuses to start.
 */
@ConfigurationProperties("wagate.auth.signing")
public record SigningProperties(@DefaultValue({}) List<Key> keys, @DefaultValue("false") boolean generateLocalKey) {

    /**
     * One key.
     *
     * @param kid the key id published in the JWKS and put in each token's header
     * @param privateKey Base64 of the PKCS#8 DER encoding
     */
    public record Key(String kid, String privateKey) {

        @Override
        public String toString() {
            return "Key[kid=" + kid + "]";
        }
    }
}
