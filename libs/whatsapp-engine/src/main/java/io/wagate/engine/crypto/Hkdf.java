package io.wagate.engine.crypto;

import java.nio.charset.StandardCharsets;

/** HKDF with HMAC-SHA256 (RFC 5869). A missing salt means 32 zero bytes, as the RFC specifies. */
public final class Hkdf {

    private static final int HASH_LENGTH = 32;
    private static final byte[] NO_SALT = new byte[HASH_LENGTH];

    private Hkdf() {
    }

    /** Extract then expand: {@code length} bytes of output keying material. */
    public static byte[] derive(byte[] inputKeyMaterial, byte[] salt, byte[] info, int length) {
        return expand(extract(salt, inputKeyMaterial), info, length);
    }

    /** Same as {@link #derive(byte[], byte[], byte[], int)} with a UTF-8 info string. */
    public static byte[] derive(byte[] inputKeyMaterial, byte[] salt, String info, int length) {
        return derive(inputKeyMaterial, salt, info.getBytes(StandardCharsets.UTF_8), length);
    }

    /** Derive without a salt (the protocol's "no salt" cases: media keys, adv_secret). */
    public static byte[] deriveUnsalted(byte[] inputKeyMaterial, String info, int length) {
        return derive(inputKeyMaterial, NO_SALT, info, length);
    }

    /** HKDF-Extract: PRK = HMAC(salt, ikm). */
    public static byte[] extract(byte[] salt, byte[] inputKeyMaterial) {
        return Hashes.hmacSha256(salt.length == 0 ? NO_SALT : salt, inputKeyMaterial);
    }

    /** HKDF-Expand of a pseudorandom key. */
    public static byte[] expand(byte[] pseudoRandomKey, byte[] info, int length) {
        if (length < 0 || length > 255 * HASH_LENGTH) {
            throw new IllegalArgumentException("HKDF output length out of range: " + length);
        }
        var mac = Hashes.hmacSha256Instance(pseudoRandomKey);
        byte[] output = new byte[length];
        byte[] block = new byte[0];
        int written = 0;
        for (int counter = 1; written < length; counter++) {
            mac.update(block);
            mac.update(info);
            mac.update((byte) counter);
            block = mac.doFinal();
            int take = Math.min(block.length, length - written);
            System.arraycopy(block, 0, output, written, take);
            written += take;
        }
        return output;
    }
}
