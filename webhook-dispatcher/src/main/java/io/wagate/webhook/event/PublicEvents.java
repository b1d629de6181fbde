package io.wagate.webhook.event;

import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.message.MessageReceived;
import io.wagate.contracts.message.MessageStatusChanged;
import io.wagate.contracts.session.PairingCodeIssued;
import io.wagate.contracts.session.QrCodeUpdated;
import io.wagate.contracts.session.SessionStatusChanged;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps platform events to public ones, field by field: a field added to a platform event does not reach customers
 * until it is added here on purpose. Events without a public type (connection logs, profile updates) map to none.
 */
public final class PublicEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PublicEvents() {
    }

    public static Optional<PublicEvent> map(CloudEvent<?> event, String instanceName) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("instance", instanceName);
        PublicEventType type;
        switch (event.data()) {
            case SessionStatusChanged status -> {
                type = PublicEventType.SESSION_STATUS;
                data.put("status", status.status().name());
                put(data, "previous", status.previous() == null ? null : status.previous().name());
                data.put("reason", status.reason().wire());
                data.put("attempt", status.attempt());
                put(data, "detail", status.detail());
            }
            case QrCodeUpdated qr -> {
                type = PublicEventType.SESSION_QR;
                data.put("qr", qr.qr());
                data.put("index", qr.index());
                data.put("expiresAt", qr.expiresAt().toString());
            }
            case PairingCodeIssued code -> {
                type = PublicEventType.SESSION_PAIRING_CODE;
                data.put("code", code.code());
                data.put("phoneNumber", code.phoneNumber());
                data.put("expiresAt", code.expiresAt().toString());
            }
            case MessageReceived message -> {
                type = PublicEventType.MESSAGE_RECEIVED;
                data.put("messageId", message.messageId());
                data.put("chat", message.chat());
                data.put("sender", message.sender());
                put(data, "pushName", message.pushName());
                data.put("kind", message.kind());
                put(data, "text", message.text());
                data.put("sentAt", message.sentAt().toString());
            }
            case MessageStatusChanged status -> {
                type = PublicEventType.MESSAGE_STATUS;
                data.put("messageId", status.messageId());
                data.put("chat", status.chat());
                data.put("status", status.status().name());
                put(data, "error", status.error());
                data.put("at", status.at().toString());
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(new PublicEvent(event.id(), type, event.time(), data));
    }

    /** The request body: {@code {"type", "timestamp", "data"}}. */
    public static byte[] body(PublicEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", event.type().wire());
        body.put("timestamp", event.timestamp().toString());
        body.put("data", event.data());
        return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    }

    private static void put(Map<String, Object> data, String name, @Nullable Object value) {
        if (value != null) {
            data.put(name, value);
        }
    }
}
