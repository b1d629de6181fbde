package io.wagate.contracts.session;

import io.wagate.contracts.EventType;
import org.jspecify.annotations.Nullable;

/**
 * The session moved from {@code previous} to {@code status}. {@code attempt} counts reconnect attempts while
 * RECONNECTING (0 otherwise); {@code detail} is a human-readable explanation that never contains credentials.
 */
@EventType("io.wagate.session.status_changed.v1")
public record SessionStatusChanged(long sequence, SessionStatus status, @Nullable SessionStatus previous,
        SessionReason reason, int attempt, @Nullable String detail) implements SessionEvent {
}
