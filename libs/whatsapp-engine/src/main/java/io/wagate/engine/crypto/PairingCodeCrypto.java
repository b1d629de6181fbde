package io.wagate.engine.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import java.util.random.RandomGenerator;
import javax.crypto.AEADBadTagException;

/**
 * Pure functions of the pairing-code ("link code") login, for both ends: the companion (this engine) and the primary
 * phone (played by the sandbox server). Flow: the companion shows an 8-character code and sends its ephemeral public
 * key wrapped under that code; the phone does the same with its own ephemeral key; the companion then sends a key
 * bundle encrypted with a key derived from the ephemeral agreement, and both ends derive the same adv secret.
 */
public final class PairingCodeCrypto {

    /** Base32 alphabet of the code: digits and letters without 0, I, O and U so a human cannot misread it. */
    public static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTVWXYZ";
    public static final int CODE_LENGTH = 8;
    public static final int PBKDF2_ITERATIONS = 2 << 16;
    public static final int WRAPPED_KEY_LENGTH = 80;
    public static final String KEY_BUNDLE_INFO = "link_code_pairing_key_bundle_encryption_key";
    public static final String ADV_SECRET_INFO = "adv_secret";

    private static final int SALT_LENGTH = 32;
    private static final int CTR_IV_LENGTH = 16;
    private static final int BUNDLE_NONCE_LENGTH = 12;
    private static final int RANDOM_LENGTH = 32;

    private PairingCodeCrypto() {
    }

    /** A fresh code: 5 random bytes in the code alphabet, 8 characters. */
    public static String generateCode() {
        return generateCode(new SecureRandom());
    }

    public static String generateCode(RandomGenerator random) {
        byte[] bytes = new byte[5];
        random.nextBytes(bytes);
        return encodeCode(bytes);
    }

    /** Base32 (most significant bit first) of exactly 5 bytes: 40 bits make 8 characters without padding. */
    public static String encodeCode(byte[] fiveBytes) {
        if (fiveBytes.length != 5) {
            throw new IllegalArgumentException("a pairing code encodes exactly 5 bytes");
        }
        long bits = 0;
        for (byte b : fiveBytes) {
            bits = (bits << 8) | (b & 0xFF);
        }
        char[] out = new char[CODE_LENGTH];
        for (int i = CODE_LENGTH - 1; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (bits & 31));
            bits >>>= 5;
        }
        return new String(out);
    }

    /** The code as the user sees it: four characters, a dash, four characters ({@code ABCD-2345}). */
    public static String formatForDisplay(String code) {
        String normalized = normalize(code);
        return normalized.substring(0, 4) + "-" + normalized.substring(4);
    }

    /** Accepts what a user may type (dash, lower case) and returns the 8 code characters, or throws. */
    public static String normalize(String code) {
        String normalized = code.replace("-", "").strip().toUpperCase(Locale.ROOT);
        if (normalized.length() != CODE_LENGTH || !normalized.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("not a pairing code: " + code);
        }
        return normalized;
    }

    /** salt(32) || iv(16) || AES-256-CTR(PBKDF2(code, salt), iv, ephemeralPublicKey): 80 bytes. */
    public static byte[] wrapEphemeralKey(String code, byte[] ephemeralPublicKey, RandomGenerator random) {
        byte[] salt = new byte[SALT_LENGTH];
        byte[] iv = new byte[CTR_IV_LENGTH];
        random.nextBytes(salt);
        random.nextBytes(iv);
        return wrapEphemeralKey(code, ephemeralPublicKey, salt, iv);
    }

    public static byte[] wrapEphemeralKey(String code, byte[] ephemeralPublicKey, byte[] salt, byte[] iv) {
        Curve.requireKey(ephemeralPublicKey, "ephemeral public key");
        if (salt.length != SALT_LENGTH || iv.length != CTR_IV_LENGTH) {
            throw new IllegalArgumentException("salt must be 32 bytes and iv 16 bytes");
        }
        byte[] encrypted = AesCtr.apply(codeKey(code, salt), iv, ephemeralPublicKey);
        return concat(salt, iv, encrypted);
    }

    /** Inverse of {@link #wrapEphemeralKey}: CTR has no integrity, so a wrong code yields a wrong key, not an error. */
    public static byte[] unwrapEphemeralKey(String code, byte[] wrapped) {
        if (wrapped.length < WRAPPED_KEY_LENGTH) {
            throw new IllegalArgumentException("wrapped ephemeral key must be 80 bytes, got " + wrapped.length);
        }
        byte[] salt = Arrays.copyOfRange(wrapped, 0, SALT_LENGTH);
        byte[] iv = Arrays.copyOfRange(wrapped, SALT_LENGTH, SALT_LENGTH + CTR_IV_LENGTH);
        byte[] encrypted = Arrays.copyOfRange(wrapped, SALT_LENGTH + CTR_IV_LENGTH, WRAPPED_KEY_LENGTH);
        return AesCtr.apply(codeKey(code, salt), iv, encrypted);
    }

    /**
     * Companion side of companion_finish: agrees with the phone's (unwrapped) ephemeral key, encrypts the key bundle
     * and derives the adv secret.
     */
    public static CompanionFinish companionFinish(KeyPair companionEphemeral, byte[] primaryEphemeralPublicKey,
            KeyPair companionIdentity, byte[] primaryIdentityPublicKey, RandomGenerator random) {
        byte[] salt = new byte[SALT_LENGTH];
        byte[] nonce = new byte[BUNDLE_NONCE_LENGTH];
        byte[] advRandom = new byte[RANDOM_LENGTH];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        random.nextBytes(advRandom);
        byte[] ephemeralShared = companionEphemeral.agree(primaryEphemeralPublicKey);
        byte[] bundle = wrapKeyBundle(ephemeralShared, salt, nonce,
                companionIdentity.publicKey(), Curve.stripTypePrefix(primaryIdentityPublicKey), advRandom);
        byte[] identityShared = companionIdentity.agree(primaryIdentityPublicKey);
        return new CompanionFinish(bundle, advSecret(ephemeralShared, identityShared, advRandom));
    }

    /**
     * salt(32) || nonce(12) || AES-256-GCM(HKDF(ephemeralShared, salt, KEY_BUNDLE_INFO), nonce,
     * companionIdentityPub || primaryIdentityPub || advRandom), without associated data.
     */
    public static byte[] wrapKeyBundle(byte[] ephemeralShared, byte[] salt, byte[] nonce,
            byte[] companionIdentityPublicKey, byte[] primaryIdentityPublicKey, byte[] advRandom) {
        byte[] key = Hkdf.derive(ephemeralShared, salt, KEY_BUNDLE_INFO, 32);
        byte[] plaintext = concat(companionIdentityPublicKey, primaryIdentityPublicKey, advRandom);
        return concat(salt, nonce, AesGcm.seal(key, nonce, plaintext));
    }

    /** Phone side: opens the companion's key bundle. Fails when the agreement (hence the code) was wrong. */
    public static OpenedKeyBundle openKeyBundle(KeyPair primaryEphemeral, byte[] companionEphemeralPublicKey,
            byte[] wrappedKeyBundle) throws AEADBadTagException {
        int headerLength = SALT_LENGTH + BUNDLE_NONCE_LENGTH;
        int plaintextLength = 3 * 32;
        if (wrappedKeyBundle.length != headerLength + plaintextLength + AesGcm.TAG_LENGTH) {
            throw new AEADBadTagException("key bundle has length " + wrappedKeyBundle.length);
        }
        byte[] ephemeralShared = primaryEphemeral.agree(companionEphemeralPublicKey);
        byte[] salt = Arrays.copyOfRange(wrappedKeyBundle, 0, SALT_LENGTH);
        byte[] nonce = Arrays.copyOfRange(wrappedKeyBundle, SALT_LENGTH, headerLength);
        byte[] key = Hkdf.derive(ephemeralShared, salt, KEY_BUNDLE_INFO, 32);
        byte[] plaintext = AesGcm.open(key, nonce,
                Arrays.copyOfRange(wrappedKeyBundle, headerLength, wrappedKeyBundle.length));
        return new OpenedKeyBundle(
                Arrays.copyOfRange(plaintext, 0, 32),
                Arrays.copyOfRange(plaintext, 32, 64),
                Arrays.copyOfRange(plaintext, 64, 96),
                ephemeralShared);
    }

    /** Phone side adv secret: the same value the companion derived, from the primary's private keys. */
    public static byte[] primaryAdvSecret(KeyPair primaryIdentity, OpenedKeyBundle bundle) {
        byte[] identityShared = primaryIdentity.agree(bundle.companionIdentityPublicKey());
        return advSecret(bundle.ephemeralShared(), identityShared, bundle.advSecretRandom());
    }

    /** HKDF(ephemeralShared || identityShared || advRandom, no salt, "adv_secret", 32). */
    public static byte[] advSecret(byte[] ephemeralShared, byte[] identityShared, byte[] advRandom) {
        return Hkdf.deriveUnsalted(concat(ephemeralShared, identityShared, advRandom), ADV_SECRET_INFO, 32);
    }

    private static byte[] codeKey(String code, byte[] salt) {
        byte[] password = normalize(code).getBytes(StandardCharsets.US_ASCII);
        return Pbkdf2.deriveSha256(password, salt, PBKDF2_ITERATIONS, 32);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, offset, part.length);
            offset += part.length;
        }
        return out;
    }

    /** What the companion sends (wrapped key bundle) and keeps (adv secret). */
    public record CompanionFinish(byte[] wrappedKeyBundle, byte[] advSecret) {
    }

    /** What the phone learns from the key bundle, plus the ephemeral agreement it needs for the adv secret. */
    public record OpenedKeyBundle(byte[] companionIdentityPublicKey, byte[] primaryIdentityPublicKey,
            byte[] advSecretRandom, byte[] ephemeralShared) {
    }
}
