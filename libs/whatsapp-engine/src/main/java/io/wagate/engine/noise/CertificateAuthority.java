package io.wagate.engine.noise;

import com.google.protobuf.ByteString;
import io.wagate.engine.crypto.KeyPair;
import io.wagate.engine.proto.CertChain;
import java.time.Clock;
import java.time.Instant;

/**
 * Issues Noise certificate chains (root, intermediate, leaf) for a self-hosted server such as the sandbox, which
 * then presents the chain in ServerHello; clients trust it by configuring {@link #rootPublicKey()} as their root.
 * Immutable and thread-safe.
 */
public final class CertificateAuthority {

    private final KeyPair rootKey;
    private final int rootSerial;

    private CertificateAuthority(KeyPair rootKey, int rootSerial) {
        this.rootKey = rootKey;
        this.rootSerial = rootSerial;
    }

    /** A new root with a fresh key and serial 0, like WhatsApp's. */
    public static CertificateAuthority generate() {
        return new CertificateAuthority(KeyPair.generate(), CertificateChain.WHATSAPP_ROOT_SERIAL);
    }

    /** A root from a stored key, so that issued chains survive restarts of the server. */
    public static CertificateAuthority of(KeyPair rootKey, int rootSerial) {
        return new CertificateAuthority(rootKey, rootSerial);
    }

    public byte[] rootPublicKey() {
        return rootKey.publicKey();
    }

    public int rootSerial() {
        return rootSerial;
    }

    /** A verifier that trusts this root. */
    public CertificateChain verifier(Clock clock) {
        return CertificateChain.trusting(rootKey.publicKey(), rootSerial, clock);
    }

    /**
     * Issues a chain for a server static key with a freshly generated intermediate key.
     *
     * @param serverStaticKey the leaf key: the server's Noise static public key
     */
    public CertChain issueChain(byte[] serverStaticKey, int intermediateSerial, int leafSerial,
            Instant notBefore, Instant notAfter) {
        KeyPair intermediateKey = KeyPair.generate();
        var intermediate = details(intermediateSerial, rootSerial, intermediateKey.publicKey(), notBefore, notAfter);
        var leaf = details(leafSerial, intermediateSerial, serverStaticKey, notBefore, notAfter);
        return CertChain.newBuilder()
                .setIntermediate(sign(intermediate, rootKey))
                .setLeaf(sign(leaf, intermediateKey))
                .build();
    }

    /** Issues a chain with intermediate serial 1 and leaf serial 2. */
    public CertChain issueChain(byte[] serverStaticKey, Instant notBefore, Instant notAfter) {
        return issueChain(serverStaticKey, 1, 2, notBefore, notAfter);
    }

    /** Certificate details; exposed so that tests and tools can build unusual chains. */
    public static CertChain.NoiseCertificate.Details details(int serial, int issuerSerial, byte[] key,
            Instant notBefore, Instant notAfter) {
        return CertChain.NoiseCertificate.Details.newBuilder()
                .setSerial(serial)
                .setIssuerSerial(issuerSerial)
                .setKey(ByteString.copyFrom(key))
                .setNotBefore(notBefore.getEpochSecond())
                .setNotAfter(notAfter.getEpochSecond())
                .build();
    }

    /** Serializes the details and signs those exact bytes with the issuer's key (XEdDSA). */
    public static CertChain.NoiseCertificate sign(CertChain.NoiseCertificate.Details details, KeyPair issuerKey) {
        byte[] raw = details.toByteArray();
        return CertChain.NoiseCertificate.newBuilder()
                .setDetails(ByteString.copyFrom(raw))
                .setSignature(ByteString.copyFrom(issuerKey.sign(raw)))
                .build();
    }
}
