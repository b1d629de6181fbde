package io.wagate.engine.login;

/**
 * Pairing was refused locally. {@code errorCode}/{@code errorText} are what the engine answers the server with,
 * e.g. 401 {@code hmac-mismatch}.
 */
public final class PairingException extends Exception {

    private final int errorCode;
    private final String errorText;

    public PairingException(int errorCode, String errorText, String message) {
        super(message);
        this.errorCode = errorCode;
        this.errorText = errorText;
    }

    public int errorCode() {
        return errorCode;
    }

    public String errorText() {
        return errorText;
    }
}
