package io.wagate.engine.noise;

import io.wagate.engine.crypto.AesGcm;
import io.wagate.engine.crypto.Hashes;
import io.wagate.engine.crypto.Hkdf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;

/**
 * Noise's SymmetricState as WhatsApp runs it: the 32-byte protocol name is used raw as the initial hash and chaining
 * key; MixKey takes 64 bytes of HKDF(salt = ck) and resets the single counter that both directions share during the
 * handshake; AEAD uses the running hash as associated data and every ciphertext is mixed into the hash afterwards.
 */
final class SymmetricState {

    static final byte[] PROTOCOL_NAME =
            "Noise_XX_25519_AESGCM_SHA256\0\0\0\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EMPTY = new byte[0];

    private byte[] hash;
    private byte[] chainingKey;
    private AesGcm cipher;
    private long counter;

    SymmetricState(byte[] prologue) {
        hash = PROTOCOL_NAME.clone();
        chainingKey = PROTOCOL_NAME.clone();
        // Noise has no key before the first MixKey; WhatsApp's implementations key the cipher with h, never used.
        cipher = AesGcm.withKey(hash);
        mixHash(prologue);
    }

    void mixHash(byte[] data) {
        hash = Hashes.sha256(hash, data);
    }

    void mixKey(byte[] inputKeyMaterial) {
        byte[] output = Hkdf.derive(inputKeyMaterial, chainingKey, EMPTY, 64);
        chainingKey = Arrays.copyOfRange(output, 0, 32);
        cipher = AesGcm.withKey(Arrays.copyOfRange(output, 32, 64));
        counter = 0;
    }

    byte[] encryptAndHash(byte[] plaintext) {
        byte[] ciphertext = cipher.encrypt(counter++, plaintext, hash);
        mixHash(ciphertext);
        return ciphertext;
    }

    byte[] decryptAndHash(byte[] ciphertext) throws AEADBadTagException {
        byte[] plaintext = cipher.decrypt(counter++, ciphertext, hash);
        mixHash(ciphertext);
        return plaintext;
    }

    /** The two transport keys: the initiator writes with the first and reads with the second. */
    byte[][] split() {
        byte[] output = Hkdf.derive(EMPTY, chainingKey, EMPTY, 64);
        return new byte[][] {Arrays.copyOfRange(output, 0, 32), Arrays.copyOfRange(output, 32, 64)};
    }

    byte[] handshakeHash() {
        return hash.clone();
    }
}
