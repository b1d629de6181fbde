package io.wagate.contracts;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the CloudEvents 1.0 structured JSON form. Reading is tolerant: unknown attributes and unknown
 * payload fields are ignored, unknown enum values map to their declared default, and an unknown event type yields
 * {@link UnknownEventData}, so older consumers keep working when producers evolve.
 */
public final class EventCodec {

    private static final EventCodec STANDARD = new EventCodec(EventCatalog.standard());

    private final EventCatalog catalog;
    private final JsonMapper mapper;

    public EventCodec(EventCatalog catalog) {
        this.catalog = catalog;
        this.mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .build();
    }

    public static EventCodec standard() {
        return STANDARD;
    }

    public byte[] encode(CloudEvent<?> event) {
        ObjectNode node = mapper.createObjectNode();
        node.put("specversion", CloudEvent.SPEC_VERSION);
        node.put("id", event.id());
        node.put("source", event.source());
        node.put("type", event.type());
        node.put("time", event.time().toString());
        putIfPresent(node, "subject", event.subject());
        putIfPresent(node, "tenantid", event.tenantId());
        putIfPresent(node, "instanceid", event.instanceId());
        node.put("datacontenttype", CloudEvent.CONTENT_TYPE);
        if (event.data() instanceof UnknownEventData unknown) {
            node.set("data", unknown.raw());
        } else {
            node.set("data", mapper.valueToTree(event.data()));
        }
        return mapper.writeValueAsBytes(node);
    }

    public String encodeToString(CloudEvent<?> event) {
        return new String(encode(event), java.nio.charset.StandardCharsets.UTF_8);
    }

    public CloudEvent<?> decode(byte[] bytes) {
        JsonNode node;
        try {
            node = mapper.readTree(bytes);
        } catch (JacksonException e) {
            throw new MalformedEventException("Not JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new MalformedEventException("A CloudEvent must be a JSON object");
        }
        String specVersion = requiredText(node, "specversion");
        if (!specVersion.startsWith("1.")) {
            throw new MalformedEventException("Unsupported CloudEvents specversion " + specVersion);
        }
        String type = requiredText(node, "type");
        JsonNode data = node.get("data");
        if (data == null || data.isNull()) {
            throw new MalformedEventException("Event of type " + type + " has no data");
        }
        EventData payload = catalog.classOf(type)
                .<EventData>map(cls -> readData(data, cls, type))
                .orElseGet(() -> new UnknownEventData(type, data));
        try {
            return new CloudEvent<>(requiredText(node, "id"), requiredText(node, "source"), type,
                    Instant.parse(requiredText(node, "time")), optionalText(node, "subject"),
                    optionalText(node, "tenantid"), optionalText(node, "instanceid"), payload);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new MalformedEventException("Invalid CloudEvent attributes: " + e.getMessage(), e);
        }
    }

    public CloudEvent<?> decode(String json) {
        return decode(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private EventData readData(JsonNode data, Class<? extends EventData> type, String typeName) {
        try {
            EventData value = mapper.treeToValue(data, type);
            if (value == null) {
                throw new MalformedEventException("Event of type " + typeName + " has empty data");
            }
            return value;
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("Invalid data for " + typeName + ": " + e.getMessage(), e);
        }
    }

    private static void putIfPresent(ObjectNode node, String name, @Nullable String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static String requiredText(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw new MalformedEventException("CloudEvent attribute '" + name + "' is missing or not a string");
        }
        return value.asString();
    }

    private static @Nullable String optionalText(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || !value.isString() ? null : value.asString();
    }
}
