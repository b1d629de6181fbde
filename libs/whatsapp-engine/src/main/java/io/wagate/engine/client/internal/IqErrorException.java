package io.wagate.engine.client.internal;

import io.wagate.engine.binary.Node;

/** The server answered an iq with {@code type="error"}. */
public final class IqErrorException extends RuntimeException {

    private final int code;

    IqErrorException(Node response) {
        super(describe(response));
        this.code = response.child("error").map(error -> parse(error.attribute("code"))).orElse(0);
    }

    public int code() {
        return code;
    }

    private static String describe(Node response) {
        return response.child("error")
                .map(error -> "iq error " + error.attribute("code") + " " + error.attribute("text"))
                .orElse("iq error");
    }

    private static int parse(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
