package io.wagate.engine.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;

/**
 * PBKDF2-HMAC-SHA256 (RFC 8018) over a byte password. Written out because the JDK's PBEKeySpec takes a char[]
 * and encodes it itself, while the protocol feeds the ASCII pairing code bytes directly.
 */
public final class Pbkdf2 {

    private static final int HASH_LENGTH = 32;

    private Pbkdf2() {
    }

    public static byte[] deriveSha256(byte[] password, byte[] salt, int iterations, int length) {
        if (iterations < 1 || length < 1) {
            throw new IllegalArgumentException("iterations and length must be positive");
        }
        Mac mac = Hashes.hmacSha256Instance(password);
        byte[] output = new byte[length];
        int blocks = (length + HASH_LENGTH - 1) / HASH_LENGTH;
        for (int block = 1; block <= blocks; block++) {
            mac.update(salt);
            mac.update(ByteBuffer.allocate(4).putInt(block).array());
            byte[] u = mac.doFinal();
            byte[] t = u.clone();
            for (int i = 1; i < iterations; i++) {
                u = mac.doFinal(u);
                for (int j = 0; j < HASH_LENGTH; j++) {
                    t[j] ^= u[j];
                }
            }
            int offset = (block - 1) * HASH_LENGTH;
            System.arraycopy(t, 0, output, offset, Math.min(HASH_LENGTH, length - offset));
        }
        return output;
    }

    public static byte[] deriveSha256(String password, byte[] salt, int iterations, int length) {
        return deriveSha256(password.getBytes(StandardCharsets.UTF_8), salt, iterations, length);
    }
}
