package io.wagate.session.credentials;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a random 12-byte nonce per write. The additional data binds a ciphertext to its row (the
 * instance id), so a row copied to another instance fails to decrypt instead of lending it someone's account.
 * Keys are resolved lazily because the local-profile key lives in the database, which is only ready after Flyway.
 */
public final class CredentialCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Supplier<MasterKeys> keys;
    private final SecureRandom random = new SecureRandom();

    public CredentialCipher(Supplier<MasterKeys> keys) {
        this.keys = keys;
    }

    public Sealed seal(byte[] plaintext, byte[] additionalData) {
        MasterKeys master = keys.get();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, master.active(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(additionalData);
            return new Sealed(master.activeId(), nonce, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** @throws CredentialDecryptionException when the key is unknown or the data was altered or sealed elsewhere */
    public byte[] open(Sealed sealed, byte[] additionalData) {
        SecretKey key = keys.get().byId().get(sealed.keyId());
        if (key == null) {
            throw new CredentialDecryptionException("No master key with id '" + sealed.keyId() + "' is configured");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(additionalData);
            return cipher.doFinal(sealed.ciphertext());
        } catch (GeneralSecurityException e) {
            throw new CredentialDecryptionException("Credentials do not decrypt with key '" + sealed.keyId() + "'");
        }
    }

    /** The configured keys by id and the one new writes use. */
    public record MasterKeys(Map<String, SecretKey> byId, String activeId) {

        public MasterKeys {
            byId = Map.copyOf(byId);
            if (!byId.containsKey(activeId)) {
                throw new IllegalArgumentException("The active key id '" + activeId + "' is not among the keys");
            }
        }

        SecretKey active() {
            return byId.get(activeId);
        }

        public static SecretKey aesKey(byte[] raw) {
            if (raw.length != 32) {
                throw new IllegalArgumentException("A master key must be 32 bytes (AES-256), got " + raw.length);
            }
            return new SecretKeySpec(raw, "AES");
        }
    }
}
