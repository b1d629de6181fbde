package io.wagate.webhook.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wagate.webhook.TestWebhookProperties;
import io.wagate.webhook.WebhookProperties;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SecretKeysTests {

    private static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    @Test
    void refusesToStartWithoutAKeyOutsideTheLocalProfile() {
        assertThatThrownBy(() -> new SecretKeys(properties(null), null, new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("wagate.webhooks.secret-key");
        assertThatThrownBy(() -> new SecretKeys(properties("c2hvcnQ="), null, new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
    }

    @Test
    void encryptsWithANonceAndBindsTheCiphertextToTheEndpoint() {
        SecretCipher cipher = new SecretCipher(new SecretKeys(properties(KEY), null, new MockEnvironment()));
        UUID endpoint = UUID.randomUUID();
        String secret = WebhookSecrets.generate();

        byte[] first = cipher.encrypt(endpoint, secret).block();
        byte[] second = cipher.encrypt(endpoint, secret).block();

        assertThat(first).isNotEqualTo(second);
        assertThat(new String(first, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        assertThat(cipher.decrypt(endpoint, first).block()).isEqualTo(secret);
        assertThatThrownBy(() -> cipher.decrypt(UUID.randomUUID(), first).block())
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining(secret);
    }

    private static WebhookProperties properties(String key) {
        return TestWebhookProperties.of(key == null ? Map.of() : Map.of("secret-key", key));
    }

}
