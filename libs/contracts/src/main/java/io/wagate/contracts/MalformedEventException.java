package io.wagate.contracts;

/**
 * Bytes that are not a valid WaGate CloudEvent. A consumer that sees this cannot make progress on the record by
 * retrying it: it belongs on the dead-letter topic.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
