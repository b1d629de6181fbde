package io.wagate.engine.client.internal;

import io.wagate.engine.binary.Node;

/** Builders for the few stanzas the client sends; the attribute spelling is the protocol's. */
final class Stanzas {

    static final String SERVER = "s.whatsapp.net";

    private Stanzas() {
    }

    static Node iq(String id, String type, String xmlns, Node child) {
        return Node.builder("iq").attribute("id", id).attribute("type", type).attribute("xmlns", xmlns)
                .attribute("to", SERVER).child(child).build();
    }

    static Node result(String id) {
        return Node.builder("iq").attribute("to", SERVER).attribute("type", "result").attribute("id", id).build();
    }

    static Node error(String id, int code, String text) {
        return Node.builder("iq").attribute("to", SERVER).attribute("type", "error").attribute("id", id)
                .child(Node.builder("error").attribute("code", code).attribute("text", text).build()).build();
    }

    /** Acknowledges a notification, as the server resends unacknowledged ones. */
    static Node ack(Node notification) {
        Node.Builder ack = Node.builder("ack")
                .attribute("id", String.valueOf(notification.attribute("id")))
                .attribute("class", notification.tag())
                .attribute("to", notification.optionalAttribute("from").orElse(SERVER));
        notification.optionalAttribute("type").ifPresent(type -> ack.attribute("type", type));
        notification.optionalAttribute("participant").ifPresent(p -> ack.attribute("participant", p));
        return ack.build();
    }

    static Node bytes(String tag, byte[] content) {
        return Node.of(tag, java.util.Map.of(), content);
    }
}
