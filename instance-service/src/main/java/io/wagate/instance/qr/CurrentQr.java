package io.wagate.instance.qr;

import java.time.Instant;

/**
 * The QR code an instance shows now.
 *
 * @param qr the string to encode
 * @param index its number within the pairing attempt, from 1
 * @param expiresAt when WhatsApp stops accepting it
 */
public record CurrentQr(String qr, int index, Instant expiresAt) {
}
