package io.wagate.contracts.session;

/** The public status of an instance's WhatsApp session. */
public enum SessionStatus {
    /** Known, not connected yet. */
    INIT,
    /** Connected to WhatsApp but not linked: waiting for a QR scan or a pairing code. */
    QR_REQUIRED,
    /** Linked and online. */
    CONNECTED,
    /** Not connected and not trying (see the reason). */
    DISCONNECTED,
    /** Lost the connection and trying again with backoff. */
    RECONNECTING,
    /** Gave up (attempt budget exhausted or an unrecoverable failure); needs a connect command. */
    ERROR
}
