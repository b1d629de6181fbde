package io.wagate.session.credentials;

/** A sealed value as stored: the id of the master key, the 12-byte nonce and the ciphertext with its GCM tag. */
public record Sealed(String keyId, byte[] nonce, byte[] ciphertext) {
}
