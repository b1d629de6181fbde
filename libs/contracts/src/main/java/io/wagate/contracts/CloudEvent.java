package io.wagate.contracts;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A CloudEvents 1.0 event in structured JSON mode, with the WaGate extension attributes {@code tenantid} and
 * {@code instanceid}. The {@link #id()} is globally unique and is what every consumer deduplicates on.
 *
 * @param id unique event id (a time-ordered UUID)
 * @param source the producing service, for example {@code /instance-service}
 * @param type the event type, see {@link EventType}
 * @param time when the fact happened
 * @param subject what the event is about (for example an instance name), optional
 * @param tenantId the owning tenant, when the event belongs to one
 * @param instanceId the instance, when the event belongs to one
 * @param data the typed payload
 */
public record CloudEvent<T extends EventData>(
        String id,
        String source,
        String type,
        Instant time,
        @Nullable String subject,
        @Nullable String tenantId,
        @Nullable String instanceId,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    public CloudEvent {
        requireText(id, "id");
        requireText(source, "source");
        requireText(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    /** A new event with a fresh id and the current time; the type comes from the payload's {@link EventType}. */
    public static <T extends EventData> CloudEvent<T> create(String source, @Nullable String tenantId,
            @Nullable String instanceId, @Nullable String subject, T data) {
        return new CloudEvent<>(EventIds.newId(), source, EventCatalog.standard().typeOf(data), Instant.now(), subject,
                tenantId, instanceId, data);
    }

    /** The data as the given type, or an exception naming both types when it is something else. */
    public <D extends EventData> D dataAs(Class<D> expected) {
        if (!expected.isInstance(data)) {
            throw new IllegalStateException("Event " + id + " of type " + type + " carries " + data.getClass().getSimpleName()
                    + ", not " + expected.getSimpleName());
        }
        return expected.cast(data);
    }

    private static void requireText(@Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("CloudEvent attribute '" + name + "' must not be blank");
        }
    }
}
