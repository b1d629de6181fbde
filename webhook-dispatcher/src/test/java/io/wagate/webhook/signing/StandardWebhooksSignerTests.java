package io.wagate.webhook.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wagate.testsupport.StandardWebhooksVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandardWebhooksSignerTests {

    @Test
    void matchesTheSpecificationsExample() {
        // The example of the Standard Webhooks specification (and of Svix's libraries).
        String signature = StandardWebhooksSigner.signature("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8),
                List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void theIndependentVerifierAcceptsSignaturesAndRejectsTampering() {
        String secret = WebhookSecrets.generate();
        long now = Instant.now().getEpochSecond();
        String body = "{\"type\":\"session.status\",\"data\":{\"text\":\"h\u00e9llo \u2603\"}}";
        String header = StandardWebhooksSigner.signature("msg_1", now, body.getBytes(StandardCharsets.UTF_8),
                List.of(secret));

        assertThat(header).startsWith("v1,").doesNotContain(" ");
        assertThat(StandardWebhooksVerifier.verify(secret, "msg_1", Long.toString(now), header, body)).isTrue();
        assertThat(StandardWebhooksVerifier.verify(secret, "msg_2", Long.toString(now), header, body)).isFalse();
        assertThat(StandardWebhooksVerifier.verify(secret, "msg_1", Long.toString(now + 1), header, body)).isFalse();
        assertThat(StandardWebhooksVerifier.verify(secret, "msg_1", Long.toString(now), header, body + " ")).isFalse();
        assertThat(StandardWebhooksVerifier.verify(WebhookSecrets.generate(), "msg_1", Long.toString(now), header,
                body)).isFalse();
    }

    @Test
    void duringRotationBothSecretsVerify() {
        String current = WebhookSecrets.generate();
        String previous = WebhookSecrets.generate();
        long now = Instant.now().getEpochSecond();
        String header = StandardWebhooksSigner.signature("msg_r", now, "{}".getBytes(StandardCharsets.UTF_8),
                List.of(current, previous));

        assertThat(header.split(" ")).hasSize(2);
        assertThat(StandardWebhooksVerifier.verify(current, "msg_r", Long.toString(now), header, "{}")).isTrue();
        assertThat(StandardWebhooksVerifier.verify(previous, "msg_r", Long.toString(now), header, "{}")).isTrue();
    }

    @Test
    void secretsHaveTheStandardFormAndNeedOneToSign() {
        String secret = WebhookSecrets.generate();
        assertThat(secret).startsWith("whsec_");
        assertThat(WebhookSecrets.keyOf(secret)).hasSize(24);
        assertThat(WebhookSecrets.generate()).isNotEqualTo(secret);
        assertThatThrownBy(() -> StandardWebhooksSigner.signature("msg", 1, new byte[0], List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
