package io.wagate.auth.shared;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Random secrets and their hashes. Secrets are shown once; only hashes are stored. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    /** Characters needed to write any 32-byte value in base62 (62^43 > 2^256). */
    public static final int BASE62_256_BITS = 43;

    private Secrets() {
    }

    public static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** An opaque token with 256 bits of randomness, URL-safe. */
    public static String opaqueToken() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    }

    /** 256 random bits written in exactly 43 base62 characters (fixed length keeps the key format checkable). */
    public static String base62Of256Bits() {
        return base62(randomBytes(32), BASE62_256_BITS);
    }

    /** A short random base62 string (lookup prefixes). */
    public static String base62(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
        }
        return out.toString();
    }

    static String base62(byte[] bytes, int width) {
        BigInteger value = new BigInteger(1, bytes);
        BigInteger base = BigInteger.valueOf(62);
        char[] out = new char[width];
        for (int i = width - 1; i >= 0; i--) {
            BigInteger[] division = value.divideAndRemainder(base);
            out[i] = BASE62.charAt(division[1].intValue());
            value = division[0];
        }
        return new String(out);
    }

    public static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks SHA-256", e);
        }
    }

    /** Compares hashes in time independent of where they differ. */
    public static boolean sameHash(byte[] expected, byte[] actual) {
        return MessageDigest.isEqual(expected, actual);
    }
}
