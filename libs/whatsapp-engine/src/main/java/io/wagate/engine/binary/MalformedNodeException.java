package io.wagate.engine.binary;

import java.io.Serial;

/** The bytes are not a valid WABinary node or frame payload, or they exceed a decoder limit. */
public final class MalformedNodeException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    public MalformedNodeException(String message) {
        super(message);
    }

    public MalformedNodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
