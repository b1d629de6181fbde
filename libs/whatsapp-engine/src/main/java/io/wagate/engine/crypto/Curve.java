package io.wagate.engine.crypto;

import java.util.Arrays;
import org.whispersystems.curve25519.Curve25519;

/**
 * Curve25519 operations on raw keys: X25519 agreement and XEdDSA signatures (the signature scheme of Signal and
 * WhatsApp, which signs with the Montgomery-form key; the JDK's Ed25519 is a different scheme). Public keys are
 * accepted either raw (32 bytes) or with Signal's 0x05 type prefix (33 bytes).
 */
public final class Curve {

    /** Signal's "DJB" key type byte that prefixes public keys in Signal contexts. */
    public static final byte DJB_TYPE = 0x05;
    public static final int KEY_LENGTH = 32;
    public static final int SIGNATURE_LENGTH = 64;

    private static final byte[] BASE_POINT = basePoint();
    // The pure-Java provider: the "best" one probes for a JNI library that a server never ships.
    private static final Curve25519 PROVIDER = Curve25519.getInstance(Curve25519.JAVA);

    private Curve() {
    }

    static Curve25519 provider() {
        return PROVIDER;
    }

    /** X25519(privateKey, publicKey): the 32-byte shared secret. */
    public static byte[] agree(byte[] privateKey, byte[] publicKey) {
        return PROVIDER.calculateAgreement(stripTypePrefix(publicKey), requireKey(privateKey, "private key"));
    }

    /** XEdDSA signature over the message. */
    public static byte[] sign(byte[] privateKey, byte[] message) {
        return PROVIDER.calculateSignature(requireKey(privateKey, "private key"), message);
    }

    /** Verifies an XEdDSA signature; any malformed input simply does not verify. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        byte[] raw;
        try {
            raw = stripTypePrefix(publicKey);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return PROVIDER.verifySignature(raw, message, signature);
    }

    /** The public key belonging to a clamped private scalar. */
    public static byte[] publicKeyOf(byte[] privateKey) {
        return PROVIDER.calculateAgreement(BASE_POINT, requireKey(privateKey, "private key"));
    }

    /** Returns the 32-byte key, removing a leading 0x05 from a 33-byte key. */
    public static byte[] stripTypePrefix(byte[] publicKey) {
        if (publicKey.length == KEY_LENGTH + 1 && publicKey[0] == DJB_TYPE) {
            return Arrays.copyOfRange(publicKey, 1, publicKey.length);
        }
        return requireKey(publicKey, "public key");
    }

    /** Returns 0x05 || key for a 32-byte key. */
    public static byte[] withTypePrefix(byte[] publicKey) {
        byte[] raw = stripTypePrefix(publicKey);
        byte[] prefixed = new byte[KEY_LENGTH + 1];
        prefixed[0] = DJB_TYPE;
        System.arraycopy(raw, 0, prefixed, 1, KEY_LENGTH);
        return prefixed;
    }

    static byte[] requireKey(byte[] key, String what) {
        if (key.length != KEY_LENGTH) {
            throw new IllegalArgumentException(what + " must be 32 bytes, got " + key.length);
        }
        return key;
    }

    private static byte[] basePoint() {
        byte[] point = new byte[KEY_LENGTH];
        point[0] = 9;
        return point;
    }
}
