package io.wagate.contracts;

import tools.jackson.databind.JsonNode;

/**
 * The data of an event whose type this build does not know. Consumers skip it instead of failing, so that a newer
 * producer can add event types without breaking older consumers.
 */
public record UnknownEventData(String type, JsonNode raw) implements EventData {
}
