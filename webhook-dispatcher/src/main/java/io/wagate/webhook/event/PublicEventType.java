package io.wagate.webhook.event;

import java.util.Arrays;
import java.util.Optional;

/** The event types endpoints subscribe to; {@code *} in an endpoint's filter means all of them. */
public enum PublicEventType {
    SESSION_STATUS("session.status"),
    SESSION_QR("session.qr"),
    SESSION_PAIRING_CODE("session.pairing_code"),
    MESSAGE_RECEIVED("message.received"),
    MESSAGE_STATUS("message.status"),
    WEBHOOK_TEST("webhook.test");

    public static final String ALL = "*";

    private final String wire;

    PublicEventType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<PublicEventType> fromWire(String value) {
        return Arrays.stream(values()).filter(type -> type.wire.equals(value)).findFirst();
    }
}
