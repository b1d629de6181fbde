package io.wagate.auth.token;

import io.wagate.auth.token.internal.EcKeys;
import io.wagate.auth.token.internal.LocalSigningKeyStore;
import java.time.Duration;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The current signing keys: configured ones when there are any, else (local runs only) the database-kept ones.
 * A failed database load is not cached, so the next request tries again.
 */
@Component
public class SigningKeys {

    private final Mono<List<SigningKey>> keys;

    SigningKeys(SigningProperties properties, LocalSigningKeyStore store, Environment environment) {
        if (!properties.keys().isEmpty()) {
            List<SigningKey> configured = properties.keys().stream()
                    .map(key -> EcKeys.fromPkcs8(key.kid(), key.privateKey())).toList();
            this.keys = Mono.just(configured);
        } else if (properties.generateLocalKey() || "local".equals(environment.getProperty("wagate.profile"))) {
            this.keys = Mono.defer(store::loadOrCreate)
                    .cache(loaded -> Duration.ofDays(36500), error -> Duration.ZERO, () -> Duration.ZERO);
        } else {
            throw new IllegalStateException("No access-token signing key: set wagate.auth.signing.keys "
                    + "(WAGATE_AUTH_SIGNING_KEYS_0_KID / _PRIVATE_KEY) or, for a local run, "
                    + "wagate.auth.signing.generate-local-key=true");
        }
    }

    /** The key that signs new tokens. */
    public Mono<SigningKey> active() {
        return keys.map(List::getFirst);
    }

    /** Every key whose tokens are still accepted, for the JWKS. */
    public Mono<List<SigningKey>> published() {
        return keys;
    }
}
