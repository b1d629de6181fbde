package io.wagate.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class KdfAndCipherTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void hkdfMatchesRfc5869TestCase1() {
        byte[] ikm = HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        byte[] salt = HEX.parseHex("000102030405060708090a0b0c");
        byte[] info = HEX.parseHex("f0f1f2f3f4f5f6f7f8f9");
        assertThat(HEX.formatHex(Hkdf.derive(ikm, salt, info, 42))).isEqualTo(
                "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
    }

    @Test
    void hkdfMatchesRfc5869TestCase3WithoutSalt() {
        byte[] ikm = HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        assertThat(HEX.formatHex(Hkdf.derive(ikm, new byte[0], new byte[0], 42))).isEqualTo(
                "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
    }

    @Test
    void pbkdf2MatchesKnownVectorsAndTheJdk() throws Exception {
        byte[] salt = "salt".getBytes(StandardCharsets.US_ASCII);
        assertThat(HEX.formatHex(Pbkdf2.deriveSha256("password", salt, 1, 32)))
                .isEqualTo("120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b");
        assertThat(HEX.formatHex(Pbkdf2.deriveSha256("password", salt, 4096, 32)))
                .isEqualTo("c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a");
        var factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
        var random = new Random(3);
        for (int i = 0; i < 20; i++) {
            byte[] saltBytes = new byte[32];
            random.nextBytes(saltBytes);
            String code = PairingCodeCrypto.generateCode(random);
            byte[] expected = factory.generateSecret(new PBEKeySpec(code.toCharArray(), saltBytes, 1000, 320))
                    .getEncoded();
            assertThat(Pbkdf2.deriveSha256(code, saltBytes, 1000, 40)).isEqualTo(expected);
        }
    }

    @Test
    void gcmUsesTheProtocolCounterIvAndAuthenticatesEverything() throws Exception {
        assertThat(HEX.formatHex(AesGcm.counterIv(0x01020304L))).isEqualTo("000000000000000001020304");
        assertThat(HEX.formatHex(AesGcm.counterIv(0xFFFFFFFFL))).isEqualTo("0000000000000000ffffffff");
        byte[] key = new byte[32];
        new Random(1).nextBytes(key);
        var gcm = AesGcm.withKey(key);
        byte[] aad = "h".getBytes();
        byte[] sealed = gcm.encrypt(7, "hello".getBytes(), aad);
        assertThat(sealed).hasSize(5 + AesGcm.TAG_LENGTH);
        assertThat(gcm.decrypt(7, sealed, aad)).isEqualTo("hello".getBytes());
        assertThat(AesGcm.open(key, AesGcm.counterIv(7), sealed, aad)).isEqualTo("hello".getBytes());
        assertThatThrownBy(() -> gcm.decrypt(8, sealed, aad)).isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> gcm.decrypt(7, sealed, new byte[0])).isInstanceOf(AEADBadTagException.class);
        sealed[0] ^= 1;
        assertThatThrownBy(() -> gcm.decrypt(7, sealed, aad)).isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> gcm.decrypt(7, new byte[3], aad)).isInstanceOf(AEADBadTagException.class);
    }

    @Test
    void ctrIsItsOwnInverseAndHashesMatchKnownValues() {
        byte[] key = new byte[32];
        byte[] iv = new byte[16];
        byte[] data = "some data that spans more than one block".getBytes();
        assertThat(AesCtr.apply(key, iv, AesCtr.apply(key, iv, data))).isEqualTo(data);
        assertThat(HEX.formatHex(Hashes.sha256("abc".getBytes())))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(HEX.formatHex(Hashes.md5("abc".getBytes()))).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
        assertThat(Hashes.buildHash("2.3000.1")).isEqualTo(Hashes.md5("2.3000.1".getBytes()));
        // RFC 4231 test case 2.
        assertThat(HEX.formatHex(Hashes.hmacSha256("Jefe".getBytes(), "what do ya want for nothing?".getBytes())))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}
