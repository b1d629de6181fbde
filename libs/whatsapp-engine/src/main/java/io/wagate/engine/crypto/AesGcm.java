package io.wagate.engine.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a 16-byte tag appended to the ciphertext. Noise and the transport use a 12-byte IV made of
 * 8 zero bytes followed by a big-endian 32-bit counter ({@link #counterIv(long)}).
 *
 * <p>An instance keeps one {@link Cipher} for its key so that per-frame work is only the re-init; it is
 * therefore not thread-safe. Like the JDK cipher underneath, an instance refuses to encrypt twice in a row under the
 * same IV (it throws {@link IllegalStateException}): IV reuse under one key breaks GCM completely. The static
 * {@code seal}/{@code open} methods are one-shot and thread-safe.
 */
public final class AesGcm {

    public static final int TAG_LENGTH = 16;
    public static final int IV_LENGTH = 12;
    private static final int TAG_BITS = TAG_LENGTH * 8;
    private static final long MAX_COUNTER = 0xFFFF_FFFFL;
    private static final byte[] NO_AAD = new byte[0];

    private final SecretKeySpec key;
    private final Cipher cipher;

    private AesGcm(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("AES-256 key must be 32 bytes, got " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
        this.cipher = newCipher();
    }

    /** A reusable cipher bound to a 32-byte key. */
    public static AesGcm withKey(byte[] key) {
        return new AesGcm(key);
    }

    /** The protocol IV for a message counter: 00 x 8 || u32 BE counter. */
    public static byte[] counterIv(long counter) {
        if (counter < 0 || counter > MAX_COUNTER) {
            throw new IllegalArgumentException("counter out of u32 range: " + counter);
        }
        return new byte[] {0, 0, 0, 0, 0, 0, 0, 0,
            (byte) (counter >>> 24), (byte) (counter >>> 16), (byte) (counter >>> 8), (byte) counter};
    }

    public byte[] encrypt(byte[] iv, byte[] plaintext, byte[] aad) {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            if (aad.length > 0) {
                cipher.updateAAD(aad);
            }
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    public byte[] encrypt(long counter, byte[] plaintext, byte[] aad) {
        return encrypt(counterIv(counter), plaintext, aad);
    }

    /** Decrypts and authenticates; a wrong key, IV, AAD or a modified ciphertext fails the tag check. */
    public byte[] decrypt(byte[] iv, byte[] ciphertextWithTag, byte[] aad) throws AEADBadTagException {
        if (ciphertextWithTag.length < TAG_LENGTH) {
            throw new AEADBadTagException("ciphertext shorter than the GCM tag");
        }
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            if (aad.length > 0) {
                cipher.updateAAD(aad);
            }
            return cipher.doFinal(ciphertextWithTag);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    public byte[] decrypt(long counter, byte[] ciphertextWithTag, byte[] aad) throws AEADBadTagException {
        return decrypt(counterIv(counter), ciphertextWithTag, aad);
    }

    /** One-shot encryption. */
    public static byte[] seal(byte[] key, byte[] iv, byte[] plaintext, byte[] aad) {
        return new AesGcm(key).encrypt(iv, plaintext, aad);
    }

    /** One-shot encryption without associated data. */
    public static byte[] seal(byte[] key, byte[] iv, byte[] plaintext) {
        return seal(key, iv, plaintext, NO_AAD);
    }

    /** One-shot decryption. */
    public static byte[] open(byte[] key, byte[] iv, byte[] ciphertextWithTag, byte[] aad)
            throws AEADBadTagException {
        return new AesGcm(key).decrypt(iv, ciphertextWithTag, aad);
    }

    /** One-shot decryption without associated data. */
    public static byte[] open(byte[] key, byte[] iv, byte[] ciphertextWithTag) throws AEADBadTagException {
        return open(key, iv, ciphertextWithTag, NO_AAD);
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM unavailable", e);
        }
    }
}
