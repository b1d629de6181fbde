package io.wagate.contracts.session;

import io.wagate.contracts.EventType;
import java.time.Instant;

/**
 * A new QR code to scan. {@code index} counts the codes of the current pairing attempt from 1; {@code qr} is the
 * string to render (it expires at {@code expiresAt}).
 */
@EventType("io.wagate.session.qr_updated.v1")
public record QrCodeUpdated(long sequence, String qr, int index, Instant expiresAt) implements SessionEvent {
}
