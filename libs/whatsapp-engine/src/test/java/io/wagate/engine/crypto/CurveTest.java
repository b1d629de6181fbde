package io.wagate.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CurveTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void x25519MatchesRfc7748() {
        KeyPair alice = KeyPair.fromPrivateKey(
                HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
        KeyPair bob = KeyPair.fromPrivateKey(
                HEX.parseHex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));
        assertThat(HEX.formatHex(alice.publicKey()))
                .isEqualTo("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
        assertThat(HEX.formatHex(bob.publicKey()))
                .isEqualTo("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
        String shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
        assertThat(HEX.formatHex(alice.agree(bob.publicKey()))).isEqualTo(shared);
        assertThat(HEX.formatHex(bob.agree(alice.signalPublicKey()))).isEqualTo(shared);
    }

    @Test
    void xeddsaSignaturesVerifyWithRawAndPrefixedKeysOnly() {
        KeyPair signer = KeyPair.generate();
        byte[] message = "details".getBytes();
        byte[] signature = signer.sign(message);
        assertThat(signature).hasSize(Curve.SIGNATURE_LENGTH);
        assertThat(Curve.verify(signer.publicKey(), message, signature)).isTrue();
        assertThat(Curve.verify(signer.signalPublicKey(), message, signature)).isTrue();
        assertThat(Curve.verify(KeyPair.generate().publicKey(), message, signature)).isFalse();
        assertThat(Curve.verify(signer.publicKey(), "other".getBytes(), signature)).isFalse();
        signature[10] ^= 1;
        assertThat(Curve.verify(signer.publicKey(), message, signature)).isFalse();
        assertThat(Curve.verify(new byte[5], message, signer.sign(message))).isFalse();
    }

    @Test
    void storedKeysRebuildTheSamePair() {
        KeyPair pair = KeyPair.generate();
        assertThat(KeyPair.fromPrivateKey(pair.privateKey())).isEqualTo(pair);
        assertThat(KeyPair.of(pair.publicKey(), pair.privateKey())).isEqualTo(pair);
        assertThat(pair.toString()).doesNotContain(HEX.formatHex(pair.privateKey()));
        assertThat(Curve.withTypePrefix(pair.publicKey())).hasSize(33).startsWith(Curve.DJB_TYPE);
    }
}
