package io.wagate.webhook.delivery;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The {@code webhook-id} of an event sent to an endpoint: derived from both, so it is the same on every attempt, on
 * a redelivery of the Kafka record and on a replay, and receivers can deduplicate on it.
 */
public final class WebhookIds {

    private WebhookIds() {
    }

    public static String of(String eventId, UUID endpointId) {
        UUID derived = UUID.nameUUIDFromBytes((eventId + "/" + endpointId).getBytes(StandardCharsets.UTF_8));
        return "msg_" + derived.toString().replace("-", "");
    }
}
