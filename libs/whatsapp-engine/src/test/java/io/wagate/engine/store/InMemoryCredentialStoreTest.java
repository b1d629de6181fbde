package io.wagate.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.engine.crypto.Curve;
import io.wagate.engine.crypto.KeyPair;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryCredentialStoreTest {

    @Test
    void freshCredentialsFollowTheProtocol() {
        Credentials fresh = Credentials.fresh();
        assertThat(fresh.registered()).isFalse();
        assertThat(fresh.registrationId()).isBetween(0, 0x3FFF);
        assertThat(fresh.advSecret()).hasSize(32);
        assertThat(fresh.signedPreKey().id()).isEqualTo(1);
        assertThat(Curve.verify(fresh.identityKey().publicKey(), fresh.signedPreKey().keyPair().signalPublicKey(),
                fresh.signedPreKey().signature())).isTrue();
        assertThat(fresh.nextPreKeyId()).isEqualTo(1);
    }

    @Test
    void toStringShowsNoKeyMaterial() {
        Credentials fresh = Credentials.fresh();
        String text = fresh.toString();
        assertThat(text).doesNotContain(HexFormat.of().formatHex(fresh.noiseKey().privateKey()))
                .doesNotContain(HexFormat.of().formatHex(fresh.advSecret()))
                .contains("unpaired");
    }

    @Test
    void savesReplaceTheWholeStateAndDeleteForgetsEverything() {
        InMemoryCredentialStore store = new InMemoryCredentialStore();
        assertThat(store.load()).isEmpty();
        Credentials fresh = Credentials.fresh();
        store.save(fresh);
        LinkedAccount account = new LinkedAccount("15551234567:3@s.whatsapp.net", "123:3@lid", new byte[] {1},
                new byte[32], 3, "android", null);
        store.saveWithPreKeys(fresh.withAccount(account).withNextPreKeyId(3),
                List.of(new PreKey(1, KeyPair.generate()), new PreKey(2, KeyPair.generate())));
        Credentials loaded = store.load().orElseThrow();
        assertThat(loaded.account().phoneNumber()).isEqualTo("15551234567");
        assertThat(loaded.account().deviceId()).isEqualTo(3);
        assertThat(loaded.nextPreKeyId()).isEqualTo(3);
        assertThat(store.preKeyCount()).isEqualTo(2);
        assertThat(store.loadPreKey(2)).isPresent();
        store.removePreKey(2);
        assertThat(store.loadPreKey(2)).isEmpty();
        store.delete();
        assertThat(store.load()).isEmpty();
        assertThat(store.preKeyCount()).isZero();
    }
}
