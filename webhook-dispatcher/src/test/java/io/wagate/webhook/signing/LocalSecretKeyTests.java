package io.wagate.webhook.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.webhook.TestWebhookProperties;
import io.wagate.webhook.WebhookIntegrationTest;
import io.wagate.webhook.WebhookProperties;
import io.wagate.webhook.signing.internal.LocalSecretKeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;

class LocalSecretKeyTests extends WebhookIntegrationTest {

    @Autowired
    LocalSecretKeyStore store;

    @Test
    void theLocalProfileGeneratesOneKeyAndKeepsIt() {
        String first = store.loadOrCreate(32).block(Duration.ofSeconds(10));
        String again = store.loadOrCreate(32).block(Duration.ofSeconds(10));

        assertThat(Base64.getDecoder().decode(first)).hasSize(32);
        assertThat(again).isEqualTo(first);

        WebhookProperties withoutKey = TestWebhookProperties.of(Map.of("secret-key", ""));
        MockEnvironment local = new MockEnvironment().withProperty("wagate.profile", "local");
        SecretCipher before = new SecretCipher(new SecretKeys(withoutKey, store, local));
        SecretCipher afterRestart = new SecretCipher(new SecretKeys(withoutKey, store, local));
        UUID endpoint = UUID.randomUUID();
        byte[] sealed = before.encrypt(endpoint, "whsec_local").block(Duration.ofSeconds(10));
        assertThat(afterRestart.decrypt(endpoint, sealed).block(Duration.ofSeconds(10))).isEqualTo("whsec_local");
    }
}
