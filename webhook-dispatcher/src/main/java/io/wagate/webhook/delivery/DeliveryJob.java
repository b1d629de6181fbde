package io.wagate.webhook.delivery;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * One event for one endpoint, as it travels through the attempt topics. The body is fixed at fan-out, so every
 * attempt (and a replay) sends the same bytes under the same webhook id.
 *
 * @param eventId the platform event id
 * @param endpointId the endpoint
 * @param webhookId the {@code webhook-id} header, stable per (event, endpoint)
 * @param type the public event type
 * @param body the JSON request body
 * @param attempt 0-based index of the attempt this record is for
 * @param dueAtMillis when the attempt is due (epoch milliseconds)
 */
public record DeliveryJob(String eventId, UUID endpointId, String webhookId, String type, String body, int attempt,
        long dueAtMillis) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public byte[] encode() {
        return JSON.writeValueAsBytes(this);
    }

    public static DeliveryJob decode(byte[] bytes) {
        return JSON.readValue(bytes, DeliveryJob.class);
    }

    public byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** The same attempt, due later (its endpoint was busy): deferring is not an attempt. */
    DeliveryJob deferredUntil(long dueAtMillis) {
        return new DeliveryJob(eventId, endpointId, webhookId, type, body, attempt, dueAtMillis);
    }

    /** The same job for the attempt with this index (later attempts may be skipped to honour Retry-After). */
    DeliveryJob nextAt(int nextAttempt, long dueAtMillis) {
        return new DeliveryJob(eventId, endpointId, webhookId, type, body, nextAttempt, dueAtMillis);
    }
}
