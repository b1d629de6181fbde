package io.wagate.engine.client.internal;

import io.wagate.engine.binary.Node;
import io.wagate.engine.client.DisconnectReason;

/**
 * A reason with the numeric code and text it came from. Built from stream errors and failures, which is where the
 * server says why it ends a connection.
 */
record Classification(DisconnectReason reason, int code, String detail) {

    /** {@code <stream:error code=..>} with an optional {@code <conflict type=..>} child. */
    static Classification ofStreamError(Node node) {
        int code = intAttribute(node, "code");
        String conflict = node.child("conflict").map(child -> child.attribute("type")).orElse(null);
        if ("replaced".equals(conflict)) {
            return new Classification(DisconnectReason.REPLACED, 440, "stream:error conflict replaced");
        }
        if ("device_removed".equals(conflict)) {
            return new Classification(DisconnectReason.LOGGED_OUT, 401, "stream:error conflict device_removed");
        }
        String detail = "stream:error code " + code;
        return switch (code) {
            case 515 -> new Classification(DisconnectReason.RESTART_REQUIRED, 515, detail);
            case 401 -> new Classification(DisconnectReason.LOGGED_OUT, 401, detail);
            case 0, 500, 503 -> new Classification(DisconnectReason.SERVER_UNAVAILABLE, code == 0 ? 500 : code,
                    detail);
            default -> new Classification(DisconnectReason.UNKNOWN, code, detail + " " + node);
        };
    }

    /** {@code <failure reason=..>} sent instead of success after the handshake. */
    static Classification ofFailure(Node node) {
        int code = intAttribute(node, "reason");
        String detail = "failure " + code;
        return switch (code) {
            case 401 -> new Classification(DisconnectReason.LOGGED_OUT, code, detail);
            case 402 -> new Classification(DisconnectReason.TEMPORARILY_BANNED, code, detail
                    + node.optionalAttribute("code").map(value -> " code=" + value).orElse("")
                    + node.optionalAttribute("expire").map(value -> " expire=" + value).orElse(""));
            case 403 -> new Classification(DisconnectReason.LOCKED, code, detail);
            case 405 -> new Classification(DisconnectReason.CLIENT_OUTDATED, code, detail);
            case 406 -> new Classification(DisconnectReason.BANNED, code, detail);
            case 409 -> new Classification(DisconnectReason.BAD_USER_AGENT, code, detail);
            case 500, 503 -> new Classification(DisconnectReason.SERVER_UNAVAILABLE, code, detail);
            default -> new Classification(DisconnectReason.UNKNOWN, code, detail);
        };
    }

    private static int intAttribute(Node node, String name) {
        String value = node.attribute(name);
        if (value == null) {
            return 0;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
