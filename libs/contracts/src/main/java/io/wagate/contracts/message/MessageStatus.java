package io.wagate.contracts.message;

/** Status of an outbound message, in the order they normally happen. */
public enum MessageStatus {
    QUEUED, SENT, DELIVERED, READ, FAILED
}
