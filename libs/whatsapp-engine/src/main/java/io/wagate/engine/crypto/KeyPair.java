package io.wagate.engine.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A Curve25519 key pair in the raw 32-byte form WhatsApp uses for Noise, identity, prekey and pairing keys.
 * The arrays are copied in and out so that a key pair can be shared freely between threads.
 */
public final class KeyPair {

    private final byte[] publicKey;
    private final byte[] privateKey;

    private KeyPair(byte[] publicKey, byte[] privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /** Creates a fresh random key pair. */
    public static KeyPair generate() {
        var pair = Curve.provider().generateKeyPair();
        return new KeyPair(pair.getPublicKey(), pair.getPrivateKey());
    }

    /**
     * Rebuilds a key pair from a stored private key. The scalar is clamped first so that a key coming from another
     * implementation signs and agrees exactly like one generated here.
     */
    public static KeyPair fromPrivateKey(byte[] privateKey) {
        byte[] clamped = Curve.requireKey(privateKey, "private key").clone();
        clamped[0] &= (byte) 248;
        clamped[31] &= 127;
        clamped[31] |= 64;
        return new KeyPair(Curve.publicKeyOf(clamped), clamped);
    }

    /** Wraps a stored pair without recomputing the public key; both must be 32 bytes. */
    public static KeyPair of(byte[] publicKey, byte[] privateKey) {
        return new KeyPair(Curve.requireKey(publicKey, "public key").clone(),
                Curve.requireKey(privateKey, "private key").clone());
    }

    /** The 32-byte public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The 32-byte public key with Signal's 0x05 type prefix (33 bytes). */
    public byte[] signalPublicKey() {
        return Curve.withTypePrefix(publicKey);
    }

    /** The 32-byte clamped private scalar. */
    public byte[] privateKey() {
        return privateKey.clone();
    }

    /** X25519 with the peer's public key (32 bytes, or 33 with the 0x05 prefix). */
    public byte[] agree(byte[] peerPublicKey) {
        return Curve.agree(privateKey, peerPublicKey);
    }

    /** XEdDSA signature (64 bytes) over the message with this pair's private key. */
    public byte[] sign(byte[] message) {
        return Curve.sign(privateKey, message);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyPair that
                && MessageDigest.isEqual(publicKey, that.publicKey)
                && MessageDigest.isEqual(privateKey, that.privateKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }

    /** Shows only the public half: private keys must never reach a log line. */
    @Override
    public String toString() {
        return "KeyPair[public=" + HexFormat.of().formatHex(publicKey) + "]";
    }
}
