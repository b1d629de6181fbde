package io.wagate.contracts;

/**
 * The typed {@code data} of a {@link CloudEvent}. Every implementation is a record annotated with {@link EventType}
 * and listed in {@link EventCatalog}.
 */
public interface EventData {
}
