package io.wagate.engine.store;

import io.wagate.engine.crypto.KeyPair;
import java.security.SecureRandom;
import org.jspecify.annotations.Nullable;

/**
 * All long-lived secrets and identifiers of one linked device. Immutable: every change produces a new instance that
 * the engine saves as a whole. Arrays are shared, not copied; callers must not mutate them.
 *
 * @param registrationId 14-bit Signal registration id
 * @param advSecret 32-byte key the phone uses to HMAC the device identity; replaced on companion_reg_refresh
 * @param account {@code null} until pairing succeeded
 * @param nextPreKeyId id of the next one-time prekey to generate
 */
public record Credentials(
        KeyPair noiseKey,
        KeyPair identityKey,
        SignedPreKey signedPreKey,
        int registrationId,
        byte[] advSecret,
        @Nullable LinkedAccount account,
        @Nullable String pushName,
        int nextPreKeyId) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public Credentials {
        if (advSecret.length != 32) {
            throw new IllegalArgumentException("advSecret must be 32 bytes");
        }
        if (registrationId < 0 || registrationId > 0x3FFF) {
            throw new IllegalArgumentException("registrationId must be 14 bits");
        }
    }

    /**
     * New, unlinked credentials: fresh Noise and identity keys, signed prekey id 1 signed over 0x05 || public key,
     * a 14-bit registration id and a random ADV secret.
     */
    public static Credentials fresh() {
        KeyPair identity = KeyPair.generate();
        KeyPair signedKey = KeyPair.generate();
        SignedPreKey signedPreKey = new SignedPreKey(1, signedKey, identity.sign(signedKey.signalPublicKey()));
        return new Credentials(KeyPair.generate(), identity, signedPreKey, RANDOM.nextInt(1 << 16) & 0x3FFF,
                randomBytes(32), null, null, 1);
    }

    /** 32 fresh random bytes, e.g. the replacement ADV secret of a companion_reg_refresh. */
    public static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    public boolean registered() {
        return account != null;
    }

    public Credentials withAdvSecret(byte[] secret) {
        return new Credentials(noiseKey, identityKey, signedPreKey, registrationId, secret, account, pushName,
                nextPreKeyId);
    }

    public Credentials withAccount(LinkedAccount linked) {
        return new Credentials(noiseKey, identityKey, signedPreKey, registrationId, advSecret, linked, pushName,
                nextPreKeyId);
    }

    public Credentials withPushName(@Nullable String name) {
        return new Credentials(noiseKey, identityKey, signedPreKey, registrationId, advSecret, account, name,
                nextPreKeyId);
    }

    public Credentials withNextPreKeyId(int id) {
        return new Credentials(noiseKey, identityKey, signedPreKey, registrationId, advSecret, account, pushName, id);
    }

    @Override
    public String toString() {
        // Never print key material, not even by accident in a log line.
        return "Credentials[registrationId=" + registrationId + ", account="
                + (account == null ? "unpaired" : account.jid()) + "]";
    }
}
