package io.wagate.engine.noise;

import java.io.Serial;

/** The handshake or the encrypted transport failed: bad message, failed authentication or broken framing. */
public class NoiseException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    public NoiseException(String message) {
        super(message);
    }

    public NoiseException(String message, Throwable cause) {
        super(message, cause);
    }
}
