package io.wagate.contracts.session;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Machine-readable reason of a status transition. Unknown values read as {@link #UNKNOWN} (forward compatible). */
public enum SessionReason {
    /** The transition was asked for (a command). */
    REQUESTED,
    /** First connection of a new link: waiting for the user. */
    PAIRING,
    /** Logged in with stored credentials or freshly paired. */
    LOGGED_IN,
    RESTART_REQUIRED,
    LOGGED_OUT,
    REPLACED,
    BANNED,
    /** The account is locked (403): gone like a banned one, credentials deleted. */
    LOCKED,
    TEMPORARILY_BANNED,
    CLIENT_OUTDATED,
    BAD_USER_AGENT,
    SERVER_UNAVAILABLE,
    NETWORK,
    /** The server or the network closed the socket without saying why; reconnects like {@link #NETWORK}. */
    CONNECTION_CLOSED,
    KEEPALIVE_TIMEOUT,
    QR_EXPIRED,
    PAIRING_FAILED,
    HANDSHAKE_FAILED,
    ATTEMPTS_EXHAUSTED,
    WORKER_SHUTDOWN,
    @JsonEnumDefaultValue
    UNKNOWN;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
