package io.wagate.sandbox.history;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One connection as seen so far. {@code deviceJid} is set when a registered device logged in;
 * {@code pairedDeviceJid} when a pairing on this connection produced a new device.
 */
public record ConnectionRecord(
        long id,
        String remoteAddress,
        Instant openedAt,
        @Nullable Instant closedAt,
        @Nullable String deviceJid,
        @Nullable String pairedDeviceJid,
        @Nullable String closeReason) {

    public boolean live() {
        return closedAt == null;
    }

    /** True when both connections were open at one instant. */
    public boolean overlaps(ConnectionRecord other) {
        Instant thisEnd = closedAt == null ? Instant.MAX : closedAt;
        Instant otherEnd = other.closedAt == null ? Instant.MAX : other.closedAt;
        return openedAt.isBefore(otherEnd) && other.openedAt.isBefore(thisEnd);
    }
}
