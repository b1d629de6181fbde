package io.wagate.support.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.springframework.boot.logging.structured.StructuredLogFormatter;
import org.springframework.core.env.Environment;

/**
 * The platform's JSON log line in Elastic Common Schema, with the same fields and nesting as Spring Boot's
 * {@code ecs} format: timestamp, level, logger, process and thread, service name and version, message, the MDC and
 * the line's key-value pairs (dotted names nested: {@code http.request.method} becomes
 * {@code {"http":{"request":{"method":...}}}}), the error and the ECS version.
 *
 * <p>Written straight into one string builder. Boot's generic JSON writer encoded every line through a character
 * stream and nested the pairs with several maps and lambdas per field: in the gateway, which writes an access log
 * line per request, that was about 7 % of all CPU.
 */
public final class EcsJsonLogFormatter implements StructuredLogFormatter<ILoggingEvent> {

    private static final String ECS_VERSION = "8.11";

    private final String service;
    private final long pid = ProcessHandle.current().pid();
    private volatile Second second = new Second(Long.MIN_VALUE, "");

    public EcsJsonLogFormatter(Environment environment) {
        StringBuilder json = new StringBuilder();
        appendMember(json, "name", environment.getProperty("logging.structured.ecs.service.name",
                environment.getProperty("spring.application.name")));
        appendMember(json, "version", environment.getProperty("logging.structured.ecs.service.version",
                environment.getProperty("spring.application.version")));
        appendMember(json, "environment", environment.getProperty("logging.structured.ecs.service.environment"));
        String node = environment.getProperty("logging.structured.ecs.service.node-name");
        if (node != null) {
            json.append(json.isEmpty() ? "" : ",").append("\"node\":{\"name\":");
            appendString(json, node);
            json.append('}');
        }
        this.service = json.toString();
    }

    @Override
    public String format(ILoggingEvent event) {
        StringBuilder json = new StringBuilder(384);
        json.append("{\"@timestamp\":\"");
        appendTimestamp(json, event.getInstant());
        json.append("\",\"log\":{\"level\":\"").append(event.getLevel().toString()).append("\",\"logger\":");
        appendString(json, event.getLoggerName());
        json.append("},\"process\":{\"pid\":").append(pid).append(",\"thread\":{\"name\":");
        appendString(json, event.getThreadName());
        json.append("}}");
        if (!service.isEmpty()) {
            json.append(",\"service\":{").append(service).append('}');
        }
        json.append(",\"message\":");
        appendString(json, event.getFormattedMessage());
        Map<String, Object> pairs = pairs(event);
        if (!pairs.isEmpty()) {
            json.append(',');
            appendMembers(json, pairs);
        }
        IThrowableProxy error = event.getThrowableProxy();
        if (error != null) {
            json.append(",\"error\":{\"type\":");
            appendString(json, error.getClassName());
            if (error.getMessage() != null) {
                json.append(",\"message\":");
                appendString(json, error.getMessage());
            }
            json.append(",\"stack_trace\":");
            appendString(json, ThrowableProxyUtil.asString(error));
            json.append('}');
        }
        List<Marker> markers = event.getMarkerList();
        if (markers != null && !markers.isEmpty()) {
            json.append(",\"tags\":[");
            for (int i = 0; i < markers.size(); i++) {
                json.append(i == 0 ? "" : ",");
                appendString(json, markers.get(i).getName());
            }
            json.append(']');
        }
        json.append(",\"ecs\":{\"version\":\"").append(ECS_VERSION).append("\"}}\n");
        return json.toString();
    }

    /** MDC entries, then the line's own pairs; a name already taken keeps its first value. */
    private static Map<String, Object> pairs(ILoggingEvent event) {
        Map<String, String> mdc = event.getMDCPropertyMap();
        List<KeyValuePair> keyValues = event.getKeyValuePairs();
        if ((mdc == null || mdc.isEmpty()) && (keyValues == null || keyValues.isEmpty())) {
            return Map.of();
        }
        Map<String, Object> root = new LinkedHashMap<>();
        if (mdc != null) {
            mdc.forEach((key, value) -> nest(root, key, value));
        }
        if (keyValues != null) {
            for (KeyValuePair pair : keyValues) {
                nest(root, pair.key, pair.value);
            }
        }
        return root;
    }

    @SuppressWarnings("unchecked")
    private static void nest(Map<String, Object> root, String key, @Nullable Object value) {
        Map<String, Object> node = root;
        int start = 0;
        int dot;
        while ((dot = key.indexOf('.', start)) > start) {
            String part = key.substring(start, dot);
            Object child = node.get(part);
            if (child == null) {
                child = new LinkedHashMap<String, Object>();
                node.put(part, child);
            } else if (!(child instanceof Map)) {
                // "a" is a value already: keep "a.b" flat beside it rather than lose either.
                node.putIfAbsent(key.substring(start), value);
                return;
            }
            node = (Map<String, Object>) child;
            start = dot + 1;
        }
        node.putIfAbsent(key.substring(start), value);
    }

    @SuppressWarnings("unchecked")
    private static void appendMembers(StringBuilder json, Map<String, Object> members) {
        boolean first = true;
        for (Map.Entry<String, Object> member : members.entrySet()) {
            json.append(first ? "" : ",");
            first = false;
            appendString(json, member.getKey());
            json.append(':');
            Object value = member.getValue();
            if (value instanceof Map<?, ?> nested) {
                json.append('{');
                appendMembers(json, (Map<String, Object>) nested);
                json.append('}');
            } else {
                appendValue(json, value);
            }
        }
    }

    private static void appendValue(StringBuilder json, @Nullable Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte) {
            json.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isFinite(number)) {
                json.append(value);
            } else {
                appendString(json, value.toString());
            }
        } else {
            appendString(json, value.toString());
        }
    }

    private static void appendMember(StringBuilder json, String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        json.append(json.isEmpty() ? "" : ",");
        appendString(json, name);
        json.append(':');
        appendString(json, value);
    }

    private static void appendString(StringBuilder json, @Nullable String value) {
        if (value == null) {
            json.append("null");
            return;
        }
        json.append('"');
        int length = value.length();
        int clean = 0;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            json.append(value, clean, i);
            clean = i + 1;
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> json.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            }
        }
        json.append(value, clean, length).append('"');
    }

    /** ISO-8601 in UTC with nanoseconds; the part up to the second is formatted once per second. */
    private void appendTimestamp(StringBuilder json, Instant instant) {
        long epochSecond = instant.getEpochSecond();
        Second current = second;
        if (current.epochSecond != epochSecond) {
            current = new Second(epochSecond, LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC).toString());
            second = current;
        }
        // LocalDateTime omits ":00" seconds; ISO_INSTANT never does.
        json.append(current.text);
        if (current.text.length() == 16) {
            json.append(":00");
        }
        int nano = instant.getNano();
        if (nano != 0) {
            json.append('.');
            String digits = Integer.toString(nano);
            for (int i = digits.length(); i < 9; i++) {
                json.append('0');
            }
            json.append(digits);
        }
        json.append('Z');
    }

    private record Second(long epochSecond, String text) {
    }
}
