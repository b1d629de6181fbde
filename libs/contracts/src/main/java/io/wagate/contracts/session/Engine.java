package io.wagate.contracts.session;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which WhatsApp network an instance talks to. */
public enum Engine {
    /** The real WhatsApp Web multi-device network. */
    WEB("web"),
    /** The WaGate sandbox: the same protocol against simulated phones, for integration without a real number. */
    SANDBOX("sandbox");

    private final String wire;

    Engine(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public static Engine fromWire(String value) {
        for (Engine engine : values()) {
            if (engine.wire.equals(value)) {
                return engine;
            }
        }
        throw new IllegalArgumentException("Unknown engine '" + value + "', expected web or sandbox");
    }
}
