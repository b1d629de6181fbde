package io.wagate.instance.live;

import io.wagate.contracts.EventData;
import java.time.Instant;
import java.util.UUID;

/**
 * One live update.
 *
 * @param type {@code status}, {@code qr}, {@code pairing_code}, {@code profile} or {@code log}
 * @param instanceId the instance
 * @param instance its name
 * @param at when it happened
 * @param data the session event's payload as catalogued in docs/events.md
 */
public record LiveEvent(String type, UUID instanceId, String instance, Instant at, EventData data) {
}
