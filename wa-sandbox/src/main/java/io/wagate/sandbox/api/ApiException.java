package io.wagate.sandbox.api;

/** A request the sandbox refuses; becomes an HTTP status with {@code {"error": message}}. */
public final class ApiException extends RuntimeException {

    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
