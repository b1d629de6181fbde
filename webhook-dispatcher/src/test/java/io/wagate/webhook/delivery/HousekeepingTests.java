package io.wagate.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.wagate.webhook.WebhookIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class HousekeepingTests extends WebhookIntegrationTest {

    @Autowired
    Housekeeping housekeeping;
    @Autowired
    MeterRegistry meters;

    @Test
    void attemptsAndKeptBodiesPastTheirRetentionAreDeleted() {
        UUID endpoint = UUID.randomUUID();
        insertAttempt(endpoint, "msg_old", "31 days");
        insertAttempt(endpoint, "msg_recent", "29 days");
        insertPayload(endpoint, "msg_old_" + endpoint, "8 days");
        insertPayload(endpoint, "msg_recent_" + endpoint, "6 days");

        housekeeping.run().block();

        assertThat(count("SELECT count(*) FROM delivery_attempt WHERE endpoint_id = :id", endpoint)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM delivery_attempt WHERE endpoint_id = :id AND webhook_id = 'msg_recent'",
                endpoint)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM delivery_payload WHERE endpoint_id = :id", endpoint)).isEqualTo(1);
        assertThat(meters.get("wagate.webhooks.endpoints.disabled.current").tag("reason", "gone").gauge())
                .isNotNull();
    }

    private void insertAttempt(UUID endpoint, String webhookId, String age) {
        database.sql("INSERT INTO delivery_attempt (id, endpoint_id, event_id, webhook_id, event_type, attempt, "
                        + "status_code, latency_ms, created_at) VALUES (:id, :endpoint, 'e', :webhook, 'webhook.test', 1, "
                        + "200, 1, now() - interval '" + age + "')")
                .bind("id", UUID.randomUUID()).bind("endpoint", endpoint).bind("webhook", webhookId).then().block();
    }

    private void insertPayload(UUID endpoint, String webhookId, String age) {
        database.sql("INSERT INTO delivery_payload (webhook_id, endpoint_id, event_id, event_type, body, created_at) "
                        + "VALUES (:webhook, :endpoint, 'e', 'webhook.test', '\\x00'::bytea, now() - interval '" + age + "')")
                .bind("endpoint", endpoint).bind("webhook", webhookId).then().block();
    }
}
