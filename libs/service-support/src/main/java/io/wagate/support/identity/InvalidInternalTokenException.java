package io.wagate.support.identity;

/** An internal identity token that is missing, forged, expired or malformed. */
public class InvalidInternalTokenException extends RuntimeException {

    public InvalidInternalTokenException(String message) {
        super(message);
    }

    public InvalidInternalTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
