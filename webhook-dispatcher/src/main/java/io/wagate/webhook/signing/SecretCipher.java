package io.wagate.webhook.signing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Encrypts endpoint secrets, and the bodies kept for replay, with AES-256-GCM: a random 12-byte nonce per
 * encryption, stored in front of the ciphertext. The endpoint id is the associated data, so a ciphertext copied onto
 * another endpoint's row does not decrypt.
 */
@Component
public class SecretCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeys keys;

    public SecretCipher(SecretKeys keys) {
        this.keys = keys;
    }

    public Mono<byte[]> encrypt(UUID endpointId, String secret) {
        return keys.key().map(key -> encrypt(key, endpointId, secret));
    }

    public Mono<String> decrypt(UUID endpointId, byte[] stored) {
        return keys.key().map(key -> decrypt(key, endpointId, stored));
    }

    static byte[] encrypt(SecretKey key, UUID endpointId, String secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(endpointId));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt an endpoint secret", e);
        }
    }

    static String decrypt(SecretKey key, UUID endpointId, byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(endpointId));
            return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // Wrong key (configuration changed) or a tampered row; the message never includes the data.
            throw new IllegalStateException("Could not decrypt the secret of endpoint " + endpointId, e);
        }
    }

    private static byte[] associatedData(UUID endpointId) {
        return endpointId.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
