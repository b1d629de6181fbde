package io.wagate.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;

/** Runs the link-code flow from both ends (companion and phone) and checks they agree. */
class PairingCodeCryptoTest {

    @Test
    void codesUseTheUnambiguousAlphabet() {
        assertThat(PairingCodeCrypto.encodeCode(new byte[5])).isEqualTo("11111111");
        assertThat(PairingCodeCrypto.encodeCode(new byte[] {-1, -1, -1, -1, -1})).isEqualTo("ZZZZZZZZ");
        assertThat(PairingCodeCrypto.encodeCode(new byte[] {0, 0, 0, 0, 1})).isEqualTo("11111112");
        var random = new Random(9);
        for (int i = 0; i < 1000; i++) {
            String code = PairingCodeCrypto.generateCode(random);
            assertThat(code).hasSize(8).matches("[1-9A-HJ-NP-TV-Z]{8}");
        }
        assertThat(PairingCodeCrypto.formatForDisplay("abcd2345")).isEqualTo("ABCD-2345");
        assertThat(PairingCodeCrypto.normalize("ABCD-2345")).isEqualTo("ABCD2345");
        assertThatThrownBy(() -> PairingCodeCrypto.normalize("ABCD-234O")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void companionAndPhoneAgreeOnEveryStep() throws Exception {
        var random = new Random(2026);
        String code = PairingCodeCrypto.generateCode(random);

        KeyPair companionEphemeral = KeyPair.generate();
        KeyPair companionIdentity = KeyPair.generate();
        KeyPair phoneEphemeral = KeyPair.generate();
        KeyPair phoneIdentity = KeyPair.generate();

        byte[] companionWrapped = PairingCodeCrypto.wrapEphemeralKey(code, companionEphemeral.publicKey(), random);
        assertThat(companionWrapped).hasSize(PairingCodeCrypto.WRAPPED_KEY_LENGTH);
        // The phone user typed the code, with the display dash.
        String typed = PairingCodeCrypto.formatForDisplay(code);
        assertThat(PairingCodeCrypto.unwrapEphemeralKey(typed, companionWrapped))
                .isEqualTo(companionEphemeral.publicKey());

        byte[] phoneWrapped = PairingCodeCrypto.wrapEphemeralKey(typed, phoneEphemeral.publicKey(), random);
        byte[] phoneEphemeralSeenByCompanion = PairingCodeCrypto.unwrapEphemeralKey(code, phoneWrapped);
        assertThat(phoneEphemeralSeenByCompanion).isEqualTo(phoneEphemeral.publicKey());

        var finish = PairingCodeCrypto.companionFinish(companionEphemeral, phoneEphemeralSeenByCompanion,
                companionIdentity, phoneIdentity.signalPublicKey(), random);
        assertThat(finish.wrappedKeyBundle()).hasSize(32 + 12 + 96 + 16);

        var opened = PairingCodeCrypto.openKeyBundle(phoneEphemeral, companionEphemeral.publicKey(),
                finish.wrappedKeyBundle());
        assertThat(opened.companionIdentityPublicKey()).isEqualTo(companionIdentity.publicKey());
        assertThat(opened.primaryIdentityPublicKey()).isEqualTo(phoneIdentity.publicKey());
        assertThat(PairingCodeCrypto.primaryAdvSecret(phoneIdentity, opened)).isEqualTo(finish.advSecret());
    }

    @Test
    void aWrongCodeGivesAWrongKeyAndTheBundleDoesNotOpen() {
        var random = new Random(1);
        KeyPair companionEphemeral = KeyPair.generate();
        KeyPair phoneEphemeral = KeyPair.generate();
        byte[] wrapped = PairingCodeCrypto.wrapEphemeralKey("ABCD2345", phoneEphemeral.publicKey(), random);
        byte[] misread = PairingCodeCrypto.unwrapEphemeralKey("ABCD2346", wrapped);
        assertThat(misread).isNotEqualTo(phoneEphemeral.publicKey());

        var finish = PairingCodeCrypto.companionFinish(companionEphemeral, misread, KeyPair.generate(),
                KeyPair.generate().publicKey(), random);
        assertThatThrownBy(() -> PairingCodeCrypto.openKeyBundle(phoneEphemeral, companionEphemeral.publicKey(),
                finish.wrappedKeyBundle())).isInstanceOf(AEADBadTagException.class);
    }

    @Test
    void fixedInputsGiveFixedWrapping() {
        byte[] salt = new byte[32];
        byte[] iv = new byte[16];
        byte[] key = new byte[32];
        byte[] first = PairingCodeCrypto.wrapEphemeralKey("11111111", key, salt, iv);
        assertThat(PairingCodeCrypto.wrapEphemeralKey("11111111", key, salt, iv)).isEqualTo(first);
        assertThat(first).startsWith(salt);
        assertThat(PairingCodeCrypto.unwrapEphemeralKey("11111111", first)).isEqualTo(key);
    }
}
