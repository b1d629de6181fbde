package io.wagate.engine.noise;

import static io.wagate.engine.noise.CertificateVerificationException.Check;

import com.google.protobuf.InvalidProtocolBufferException;
import io.wagate.engine.crypto.Curve;
import io.wagate.engine.crypto.Hashes;
import io.wagate.engine.proto.CertChain;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Verifies the certificate chain a server sends in ServerHello: root key signs the intermediate, the intermediate key
 * signs the leaf, the leaf certifies the server's Noise static key, and both are valid now. The root key and serial
 * are configuration: WhatsApp's by default, the sandbox's own in tests and local setups. Immutable and thread-safe.
 */
public final class CertificateChain {

    /** WhatsApp's Noise root public key ("WhatsAppLongTerm1"). */
    public static final String WHATSAPP_ROOT_PUBLIC_KEY_HEX =
            "142375574d0a587166aae71ebe516437c4a28b73e3695c6ce1f7f9545da8ee6b";
    /** Serial of WhatsApp's root, which the intermediate names as its issuer. */
    public static final int WHATSAPP_ROOT_SERIAL = 0;

    private final byte[] rootPublicKey;
    private final int rootSerial;
    private final Clock clock;

    private CertificateChain(byte[] rootPublicKey, int rootSerial, Clock clock) {
        this.rootPublicKey = Curve.stripTypePrefix(rootPublicKey);
        this.rootSerial = rootSerial;
        this.clock = clock;
    }

    /** Trusts WhatsApp's production root. */
    public static CertificateChain whatsApp(Clock clock) {
        return trusting(whatsAppRootPublicKey(), WHATSAPP_ROOT_SERIAL, clock);
    }

    public static CertificateChain whatsApp() {
        return whatsApp(Clock.systemUTC());
    }

    /** Trusts the given 32-byte root key, whose serial the intermediate must name as issuer. */
    public static CertificateChain trusting(byte[] rootPublicKey, int rootSerial, Clock clock) {
        return new CertificateChain(rootPublicKey, rootSerial, clock);
    }

    public static byte[] whatsAppRootPublicKey() {
        return HexFormat.of().parseHex(WHATSAPP_ROOT_PUBLIC_KEY_HEX);
    }

    public byte[] rootPublicKey() {
        return rootPublicKey.clone();
    }

    public int rootSerial() {
        return rootSerial;
    }

    /**
     * Runs every check on a serialized {@code CertChain}; the first failing one is reported.
     *
     * @param serverStaticKey the static key the server proved during the handshake
     */
    public Verified verify(byte[] serializedChain, byte[] serverStaticKey) throws CertificateVerificationException {
        CertChain chain = parse(serializedChain);
        if (!chain.hasIntermediate() || !chain.hasLeaf()
                || !chain.getIntermediate().hasDetails() || !chain.getIntermediate().hasSignature()
                || !chain.getLeaf().hasDetails() || !chain.getLeaf().hasSignature()) {
            throw new CertificateVerificationException(Check.STRUCTURE, "missing certificate parts");
        }
        byte[] intermediateRaw = chain.getIntermediate().getDetails().toByteArray();
        byte[] leafRaw = chain.getLeaf().getDetails().toByteArray();

        if (!Curve.verify(rootPublicKey, intermediateRaw, chain.getIntermediate().getSignature().toByteArray())) {
            throw new CertificateVerificationException(Check.INTERMEDIATE_SIGNATURE,
                    "intermediate certificate is not signed by the trusted root");
        }
        CertChain.NoiseCertificate.Details intermediate = parseDetails(intermediateRaw);
        if (intermediate.getIssuerSerial() != rootSerial) {
            throw new CertificateVerificationException(Check.INTERMEDIATE_ISSUER_SERIAL,
                    "intermediate issuer serial " + intermediate.getIssuerSerial() + ", expected " + rootSerial);
        }
        if (intermediate.getKey().size() != Curve.KEY_LENGTH) {
            throw new CertificateVerificationException(Check.INTERMEDIATE_KEY,
                    "intermediate key has " + intermediate.getKey().size() + " bytes");
        }
        if (!Curve.verify(intermediate.getKey().toByteArray(), leafRaw, chain.getLeaf().getSignature().toByteArray())) {
            throw new CertificateVerificationException(Check.LEAF_SIGNATURE,
                    "leaf certificate is not signed by the intermediate key");
        }
        Instant now = clock.instant();
        checkValidity(intermediate, now, Check.INTERMEDIATE_VALIDITY);
        CertChain.NoiseCertificate.Details leaf = parseDetails(leafRaw);
        if (leaf.getIssuerSerial() != intermediate.getSerial()) {
            throw new CertificateVerificationException(Check.LEAF_ISSUER_SERIAL,
                    "leaf issuer serial " + leaf.getIssuerSerial() + ", expected " + intermediate.getSerial());
        }
        if (!Hashes.constantTimeEquals(leaf.getKey().toByteArray(), serverStaticKey)) {
            throw new CertificateVerificationException(Check.LEAF_KEY,
                    "leaf key does not match the server's static key");
        }
        checkValidity(leaf, now, Check.LEAF_VALIDITY);
        return new Verified(intermediate.getSerial(), leaf.getSerial(),
                Instant.ofEpochSecond(leaf.getNotAfter()), serverStaticKey.clone());
    }

    private static void checkValidity(CertChain.NoiseCertificate.Details details, Instant now, Check check)
            throws CertificateVerificationException {
        // uint64 seconds; values beyond Instant's range are treated as "forever" rather than overflowing.
        Instant notBefore = epochSeconds(details.getNotBefore());
        Instant notAfter = epochSeconds(details.getNotAfter());
        if (now.isBefore(notBefore)) {
            throw new CertificateVerificationException(check, "not valid before " + notBefore + " (now " + now + ")");
        }
        if (now.isAfter(notAfter)) {
            throw new CertificateVerificationException(check, "expired at " + notAfter + " (now " + now + ")");
        }
    }

    private static Instant epochSeconds(long unsignedSeconds) {
        if (unsignedSeconds < 0 || unsignedSeconds > Instant.MAX.getEpochSecond()) {
            return Instant.MAX;
        }
        return Instant.ofEpochSecond(unsignedSeconds);
    }

    private static CertChain parse(byte[] serializedChain) throws CertificateVerificationException {
        try {
            return CertChain.parseFrom(serializedChain);
        } catch (InvalidProtocolBufferException e) {
            throw new CertificateVerificationException(Check.STRUCTURE, "not a CertChain protobuf");
        }
    }

    private static CertChain.NoiseCertificate.Details parseDetails(byte[] raw)
            throws CertificateVerificationException {
        try {
            return CertChain.NoiseCertificate.Details.parseFrom(raw);
        } catch (InvalidProtocolBufferException e) {
            throw new CertificateVerificationException(Check.STRUCTURE, "certificate details are not a protobuf");
        }
    }

    /**
     * A chain that passed every check.
     *
     * @param intermediateSerial serial of the intermediate certificate
     * @param leafSerial serial of the leaf certificate
     * @param leafNotAfter end of the leaf's validity
     * @param serverStaticKey the certified static key
     */
    public record Verified(int intermediateSerial, int leafSerial, Instant leafNotAfter, byte[] serverStaticKey) {
    }
}
