package io.wagate.engine.store;

import io.wagate.engine.crypto.KeyPair;

/**
 * The signed prekey: {@code signature} is XEdDSA(identity private key, 0x05 || public key), 64 bytes.
 * Arrays are shared, not copied; callers must not mutate them.
 */
public record SignedPreKey(int id, KeyPair keyPair, byte[] signature) {

    public SignedPreKey {
        if (signature.length != 64) {
            throw new IllegalArgumentException("signature must be 64 bytes");
        }
    }
}
