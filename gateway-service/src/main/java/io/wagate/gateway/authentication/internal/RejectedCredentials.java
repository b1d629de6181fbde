package io.wagate.gateway.authentication.internal;

/**
 * Credentials that were presented but do not authenticate anybody. {@code reason} is the {@code result} tag of the
 * {@code wagate.gateway.auth} metric; the message is safe to show to the client (it never echoes the credential).
 */
public final class RejectedCredentials extends RuntimeException {

    private final String reason;

    public RejectedCredentials(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
