package io.wagate.webhook.event;

import java.time.Instant;
import java.util.Map;

/**
 * One webhook payload before serialization.
 *
 * @param eventId the platform event id it comes from (the webhook id is derived from it and the endpoint)
 * @param type the public type
 * @param timestamp when the fact happened
 * @param data the instance name and the event's public fields
 */
public record PublicEvent(String eventId, PublicEventType type, Instant timestamp, Map<String, Object> data) {
}
