package io.wagate.engine.client;

/**
 * Why a connection ended, classified from the stream error, failure node or socket event that ended it. The engine
 * never reconnects on its own (except the restart that completes pairing); callers decide from this reason.
 */
public enum DisconnectReason {
    /** stream:error 515 outside of pairing: reconnect at once. */
    RESTART_REQUIRED(false, true),
    /** stream:error 401 / conflict device_removed, failure 401, or our own logout. */
    LOGGED_OUT(true, false),
    /** conflict replaced (440): another connection with these credentials took over. Do not reconnect blindly. */
    REPLACED(false, false),
    /** failure 406. */
    BANNED(true, false),
    /** failure 402; the detail carries the ban code and expiry when the server sent them. */
    TEMPORARILY_BANNED(false, false),
    /** failure 403: account locked or forbidden. */
    LOCKED(true, false),
    /** failure 405: the configured WA Web version is too old. */
    CLIENT_OUTDATED(false, false),
    /** failure 409. */
    BAD_USER_AGENT(false, false),
    /** stream:error 500/503 or failure 500/503, or a stream error without code. */
    SERVER_UNAVAILABLE(false, true),
    /** The socket broke, could not be opened, or the connect timed out. */
    NETWORK(false, true),
    /** The server closed the socket without saying why. */
    CONNECTION_CLOSED(false, true),
    /** No answer to a keep-alive ping within its deadline. */
    KEEPALIVE_TIMEOUT(false, true),
    /** All QR refs expired without a scan. */
    QR_EXPIRED(false, false),
    /** Noise handshake or certificate chain verification failed. */
    HANDSHAKE_FAILED(false, false),
    /** pair-success failed verification, or the pairing-code exchange failed. */
    PAIRING_FAILED(false, false),
    /** {@code close()} was called. */
    CLIENT_CLOSED(false, false),
    UNKNOWN(false, false);

    private final boolean credentialsInvalid;
    private final boolean transient_;

    DisconnectReason(boolean credentialsInvalid, boolean transientCondition) {
        this.credentialsInvalid = credentialsInvalid;
        this.transient_ = transientCondition;
    }

    /** True when the account is gone on the server side and its stored credentials must be deleted. */
    public boolean credentialsInvalid() {
        return credentialsInvalid;
    }

    /** True when reconnecting with the same credentials is expected to succeed. */
    public boolean isTransient() {
        return transient_;
    }

    /** Lower-case wire-style name, e.g. {@code restart_required}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
