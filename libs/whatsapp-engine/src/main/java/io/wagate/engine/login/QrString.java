package io.wagate.engine.login;

import java.util.Base64;

/**
 * The text encoded in a linking QR code:
 * {@code https://wa.me/settings/linked_devices#ref,b64(noisePub),b64(identityPub),b64(advSecret),platformId}.
 */
public record QrString(String ref, byte[] noisePublicKey, byte[] identityPublicKey, byte[] advSecret,
                       String platformId) {

    public static final String PREFIX = "https://wa.me/settings/linked_devices#";

    public String format() {
        Base64.Encoder b64 = Base64.getEncoder();
        return PREFIX + ref + ',' + b64.encodeToString(noisePublicKey) + ',' + b64.encodeToString(identityPublicKey)
                + ',' + b64.encodeToString(advSecret) + ',' + platformId;
    }

    /** Parses what a phone camera would read; throws IllegalArgumentException on anything malformed. */
    public static QrString parse(String text) {
        String body = text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : text;
        String[] parts = body.split(",", -1);
        if (parts.length != 5 || parts[0].isEmpty()) {
            throw new IllegalArgumentException("QR string must have 5 comma-separated parts");
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] noise = b64.decode(parts[1]);
        byte[] identity = b64.decode(parts[2]);
        byte[] secret = b64.decode(parts[3]);
        if (noise.length != 32 || identity.length != 32 || secret.length != 32) {
            throw new IllegalArgumentException("QR keys and secret must be 32 bytes each");
        }
        return new QrString(parts[0], noise, identity, secret, parts[4]);
    }
}
