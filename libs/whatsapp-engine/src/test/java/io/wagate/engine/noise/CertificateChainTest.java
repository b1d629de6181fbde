package io.wagate.engine.noise;

import static io.wagate.engine.noise.TestChains.NOT_AFTER;
import static io.wagate.engine.noise.TestChains.NOT_BEFORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.wagate.engine.crypto.KeyPair;
import io.wagate.engine.noise.CertificateVerificationException.Check;
import io.wagate.engine.proto.CertChain;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CertificateChainTest {

    private final TestChains chains = new TestChains();
    private final byte[] serverKey = chains.serverStatic.publicKey();

    @Test
    void anIssuedChainVerifies() throws Exception {
        var verified = chains.verifier().verify(chains.chain.toByteArray(), serverKey);
        assertThat(verified.intermediateSerial()).isEqualTo(1);
        assertThat(verified.leafSerial()).isEqualTo(2);
        assertThat(verified.serverStaticKey()).isEqualTo(serverKey);
    }

    @Test
    void whatsAppsRootIsTheDefaultButOnlyAConstant() {
        assertThat(HexFormat.of().formatHex(CertificateChain.whatsApp().rootPublicKey()))
                .isEqualTo("142375574d0a587166aae71ebe516437c4a28b73e3695c6ce1f7f9545da8ee6b");
        assertThat(CertificateChain.whatsApp().rootSerial()).isZero();
        assertRejected(CertificateChain.whatsApp(TestChains.CLOCK), chains.chain, Check.INTERMEDIATE_SIGNATURE);
    }

    @Test
    void badIntermediateSignature() {
        byte[] signature = chains.chain.getIntermediate().getSignature().toByteArray();
        signature[3] ^= 1;
        var tampered = chains.chain.toBuilder()
                .setIntermediate(chains.chain.getIntermediate().toBuilder()
                        .setSignature(ByteString.copyFrom(signature)))
                .build();
        assertRejected(chains.verifier(), tampered, Check.INTERMEDIATE_SIGNATURE);
    }

    @Test
    void wrongRoot() {
        var otherRoot = CertificateAuthority.generate().verifier(TestChains.CLOCK);
        assertRejected(otherRoot, chains.chain, Check.INTERMEDIATE_SIGNATURE);
    }

    @Test
    void wrongIntermediateIssuerSerial() throws Exception {
        var rootKey = KeyPair.generate();
        var authority = CertificateAuthority.of(rootKey, 0);
        var intermediateKey = KeyPair.generate();
        var chain = CertChain.newBuilder()
                .setIntermediate(CertificateAuthority.sign(CertificateAuthority.details(1, 5,
                        intermediateKey.publicKey(), NOT_BEFORE, NOT_AFTER), rootKey))
                .setLeaf(CertificateAuthority.sign(CertificateAuthority.details(2, 1, serverKey, NOT_BEFORE,
                        NOT_AFTER), intermediateKey))
                .build();
        assertRejected(authority.verifier(TestChains.CLOCK), chain, Check.INTERMEDIATE_ISSUER_SERIAL);
        // The root serial is configuration: trusting serial 5 accepts the same chain.
        assertThat(CertificateChain.trusting(rootKey.publicKey(), 5, TestChains.CLOCK)
                .verify(chain.toByteArray(), serverKey).intermediateSerial()).isEqualTo(1);
    }

    @Test
    void wrongLeafIssuerSerialAndForeignLeafSignature() {
        var rootKey = KeyPair.generate();
        var intermediateKey = KeyPair.generate();
        var intermediate = CertificateAuthority.sign(
                CertificateAuthority.details(1, 0, intermediateKey.publicKey(), NOT_BEFORE, NOT_AFTER), rootKey);
        var verifier = CertificateAuthority.of(rootKey, 0).verifier(TestChains.CLOCK);

        var wrongIssuer = CertChain.newBuilder().setIntermediate(intermediate)
                .setLeaf(CertificateAuthority.sign(CertificateAuthority.details(2, 9, serverKey, NOT_BEFORE,
                        NOT_AFTER), intermediateKey))
                .build();
        assertRejected(verifier, wrongIssuer, Check.LEAF_ISSUER_SERIAL);

        var foreignSigner = CertChain.newBuilder().setIntermediate(intermediate)
                .setLeaf(CertificateAuthority.sign(CertificateAuthority.details(2, 1, serverKey, NOT_BEFORE,
                        NOT_AFTER), KeyPair.generate()))
                .build();
        assertRejected(verifier, foreignSigner, Check.LEAF_SIGNATURE);
    }

    @Test
    void shortIntermediateKey() {
        var rootKey = KeyPair.generate();
        var chain = CertChain.newBuilder()
                .setIntermediate(CertificateAuthority.sign(
                        CertificateAuthority.details(1, 0, new byte[31], NOT_BEFORE, NOT_AFTER), rootKey))
                .setLeaf(chains.chain.getLeaf())
                .build();
        assertRejected(CertificateAuthority.of(rootKey, 0).verifier(TestChains.CLOCK), chain, Check.INTERMEDIATE_KEY);
    }

    @Test
    void expiredAndNotYetValid() {
        var later = Clock.fixed(NOT_AFTER.plusSeconds(1), ZoneOffset.UTC);
        var earlier = Clock.fixed(NOT_BEFORE.minusSeconds(1), ZoneOffset.UTC);
        assertRejected(chains.authority.verifier(later), chains.chain, Check.INTERMEDIATE_VALIDITY);
        assertRejected(chains.authority.verifier(earlier), chains.chain, Check.INTERMEDIATE_VALIDITY);

        var rootKey = KeyPair.generate();
        var intermediateKey = KeyPair.generate();
        var leafExpired = CertChain.newBuilder()
                .setIntermediate(CertificateAuthority.sign(CertificateAuthority.details(1, 0,
                        intermediateKey.publicKey(), NOT_BEFORE, NOT_AFTER), rootKey))
                .setLeaf(CertificateAuthority.sign(CertificateAuthority.details(2, 1, serverKey, NOT_BEFORE,
                        TestChains.NOW.minusSeconds(60)), intermediateKey))
                .build();
        assertRejected(CertificateAuthority.of(rootKey, 0).verifier(TestChains.CLOCK), leafExpired,
                Check.LEAF_VALIDITY);
    }

    @Test
    void leafKeyMustBeTheServerStaticKey() {
        assertThatThrownBy(() -> chains.verifier().verify(chains.chain.toByteArray(), KeyPair.generate().publicKey()))
                .isInstanceOfSatisfying(CertificateVerificationException.class,
                        e -> assertThat(e.failedCheck()).isEqualTo(Check.LEAF_KEY));
    }

    @Test
    void garbageAndMissingPartsAreStructureErrors() {
        assertThatThrownBy(() -> chains.verifier().verify(new byte[] {(byte) 0xFF, 1}, serverKey))
                .isInstanceOfSatisfying(CertificateVerificationException.class,
                        e -> assertThat(e.failedCheck()).isEqualTo(Check.STRUCTURE));
        assertRejected(chains.verifier(), chains.chain.toBuilder().clearLeaf().build(), Check.STRUCTURE);
    }

    private void assertRejected(CertificateChain verifier, CertChain chain, Check expected) {
        assertThatThrownBy(() -> verifier.verify(chain.toByteArray(), serverKey))
                .isInstanceOfSatisfying(CertificateVerificationException.class,
                        e -> assertThat(e.failedCheck()).isEqualTo(expected));
    }
}
