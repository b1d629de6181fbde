package io.wagate.engine.noise;

import java.io.Serial;

/** The server's certificate chain failed one named check; {@link #failedCheck()} says which. */
public final class CertificateVerificationException extends NoiseException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Check failedCheck;

    public CertificateVerificationException(Check failedCheck, String message) {
        super(failedCheck + ": " + message);
        this.failedCheck = failedCheck;
    }

    public Check failedCheck() {
        return failedCheck;
    }

    /** The checks, in the order they run. */
    public enum Check {
        /** The chain or a certificate is missing parts or is not a valid protobuf. */
        STRUCTURE,
        /** The intermediate certificate is not signed by the trusted root key. */
        INTERMEDIATE_SIGNATURE,
        /** The intermediate names another issuer than the root's serial. */
        INTERMEDIATE_ISSUER_SERIAL,
        /** The intermediate's key is not a 32-byte Curve25519 key. */
        INTERMEDIATE_KEY,
        /** The leaf certificate is not signed by the intermediate's key. */
        LEAF_SIGNATURE,
        /** The current time is outside the intermediate's validity period. */
        INTERMEDIATE_VALIDITY,
        /** The leaf names another issuer than the intermediate's serial. */
        LEAF_ISSUER_SERIAL,
        /** The leaf's key differs from the static key the server proved in the handshake. */
        LEAF_KEY,
        /** The current time is outside the leaf's validity period. */
        LEAF_VALIDITY
    }
}
