package io.wagate.engine.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Digests and MACs: SHA-256, MD5 (only for the protocol's build hash) and HMAC-SHA256. */
public final class Hashes {

    private Hashes() {
    }

    public static byte[] sha256(byte[]... parts) {
        var digest = digest("SHA-256");
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    public static byte[] md5(byte[] data) {
        return digest("MD5").digest(data);
    }

    /**
     * The ClientPayload build hash: MD5 of the dotted WA Web version string, e.g. {@code "2.3000.1045649367"}.
     * MD5 is what the server expects here; it carries no security weight.
     */
    public static byte[] buildHash(String version) {
        return md5(version.getBytes(StandardCharsets.US_ASCII));
    }

    public static byte[] hmacSha256(byte[] key, byte[]... parts) {
        var mac = hmacSha256Instance(key);
        for (byte[] part : parts) {
            mac.update(part);
        }
        return mac.doFinal();
    }

    /** Constant-time comparison, for MACs and keys. */
    public static boolean constantTimeEquals(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    static Mac hmacSha256Instance(byte[] key) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            // An empty HMAC key is legal (RFC 2104) but SecretKeySpec refuses it; a zero block is equivalent.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " unavailable", e);
        }
    }
}
