package io.wagate.webhook.signing;

import io.wagate.webhook.WebhookProperties;
import io.wagate.webhook.signing.internal.LocalSecretKeyStore;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The key that encrypts endpoint secrets: {@code wagate.webhooks.secret-key} (Base64 of 32 bytes). Without it the
 * service refuses to start, except with {@code wagate.profile=local}, where a key is generated once and kept in the
 * database (unencrypted: local runs only). A failed load is not cached, so the next use tries again.
 */
@Component
public class SecretKeys {

    private static final int KEY_BYTES = 32;

    private final Mono<SecretKey> key;

    public SecretKeys(WebhookProperties properties, LocalSecretKeyStore store, Environment environment) {
        String configured = properties.secretKey();
        if (configured != null && !configured.isBlank()) {
            this.key = Mono.just(fromBase64(configured));
        } else if ("local".equals(environment.getProperty("wagate.profile"))) {
            this.key = Mono.defer(() -> store.loadOrCreate(KEY_BYTES)).map(SecretKeys::fromBase64)
                    .cache(loaded -> Duration.ofDays(36500), error -> Duration.ZERO, () -> Duration.ZERO);
        } else {
            throw new IllegalStateException("No webhook secret key: set wagate.webhooks.secret-key "
                    + "(WAGATE_WEBHOOKS_SECRET_KEY, Base64 of 32 random bytes) or run with wagate.profile=local");
        }
    }

    public Mono<SecretKey> key() {
        return key;
    }

    static SecretKey fromBase64(String encoded) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("wagate.webhooks.secret-key is not Base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException("wagate.webhooks.secret-key must be " + KEY_BYTES + " bytes, not "
                    + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
