package io.wagate.session.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wagate.engine.crypto.KeyPair;
import io.wagate.engine.store.Credentials;
import io.wagate.engine.store.LinkedAccount;
import io.wagate.engine.store.PreKey;
import io.wagate.session.SessionWorkerIntegrationTest;
import io.wagate.session.credentials.CredentialCipher.MasterKeys;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.scheduler.Schedulers;

class EncryptedCredentialStoreTests extends SessionWorkerIntegrationTest {

    @Autowired
    CredentialStores stores;

    @Autowired
    TransactionalOperator transactions;

    @Test
    void credentialsRoundTripAndTheRowHoldsNoKeyMaterial() {
        UUID instanceId = UUID.randomUUID();
        EncryptedCredentialStore store = stores.forInstance(instanceId);
        Credentials credentials = linked(Credentials.fresh());
        store.save(credentials);

        Credentials loaded = store.load().orElseThrow();
        assertThat(loaded.noiseKey()).isEqualTo(credentials.noiseKey());
        assertThat(loaded.identityKey()).isEqualTo(credentials.identityKey());
        assertThat(loaded.signedPreKey().signature()).isEqualTo(credentials.signedPreKey().signature());
        assertThat(loaded.advSecret()).isEqualTo(credentials.advSecret());
        assertThat(loaded.registrationId()).isEqualTo(credentials.registrationId());
        assertThat(loaded.account().jid()).isEqualTo("4915100000001:3@s.whatsapp.net");
        assertThat(loaded.pushName()).isEqualTo("Sales");

        Sealed row = rawCredentials(instanceId);
        assertThat(row.keyId()).isEqualTo("test-1");
        assertThat(row.nonce()).hasSize(12);
        for (byte[] secret : List.of(credentials.noiseKey().privateKey(), credentials.identityKey().privateKey(),
                credentials.signedPreKey().keyPair().privateKey(), credentials.advSecret(),
                credentials.noiseKey().publicKey(), "4915100000001".getBytes(StandardCharsets.UTF_8))) {
            assertThat(contains(row.ciphertext(), secret)).as("ciphertext contains plaintext bytes").isFalse();
        }
        String printable = new String(row.ciphertext(), StandardCharsets.ISO_8859_1);
        assertThat(printable).doesNotContain("whatsapp.net").doesNotContain("Sales");

        store.save(credentials);
        assertThat(rawCredentials(instanceId).nonce()).as("a fresh nonce per write").isNotEqualTo(row.nonce());
    }

    @Test
    void theCipherNeverRunsOnAReactorThread() throws Exception {
        // A restarted worker's first cipher use is a load, and the local key's first use blocks on a query: that
        // must happen on the caller's thread, not in a callback on the database driver's event loop.
        List<String> eventLoopUses = new CopyOnWriteArrayList<>();
        MasterKeys key = new MasterKeys(Map.of("test-1", MasterKeys.aesKey(Credentials.randomBytes(32))), "test-1");
        CredentialCipher watched = new CredentialCipher(() -> {
            if (Schedulers.isInNonBlockingThread()) {
                eventLoopUses.add(Thread.currentThread().getName());
            }
            return key;
        });
        UUID instanceId = UUID.randomUUID();
        EncryptedCredentialStore store = new EncryptedCredentialStore(instanceId, database, transactions, watched,
                Duration.ofSeconds(10), () -> EncryptedCredentialStore.UNFENCED);
        try (ExecutorService sessionThread = Executors.newVirtualThreadPerTaskExecutor()) {
            sessionThread.submit(() -> {
                store.saveWithPreKeys(Credentials.fresh(), List.of(new PreKey(1, KeyPair.generate()),
                        new PreKey(2, KeyPair.generate()), new PreKey(3, KeyPair.generate())));
                assertThat(store.load()).isPresent();
                assertThat(store.loadPreKey(2)).isPresent();
                return null;
            }).get(30, TimeUnit.SECONDS);
        }

        assertThat(eventLoopUses).as("cipher uses on event-loop threads").isEmpty();
        assertThat(store.preKeyCount()).isEqualTo(3);
    }

    @Test
    void anotherKeyOrAnotherInstanceCannotDecrypt() {
        UUID instanceId = UUID.randomUUID();
        stores.forInstance(instanceId).save(Credentials.fresh());
        Sealed row = rawCredentials(instanceId);
        byte[] aad = instanceId.toString().getBytes(StandardCharsets.UTF_8);

        CredentialCipher otherKey = new CredentialCipher(() -> new MasterKeys(
                Map.of("test-1", MasterKeys.aesKey(Credentials.randomBytes(32))), "test-1"));
        assertThatThrownBy(() -> otherKey.open(row, aad)).isInstanceOf(CredentialDecryptionException.class)
                .hasMessageNotContaining(HexFormat.of().formatHex(row.ciphertext()));

        database.sql("INSERT INTO session_credentials (instance_id, key_id, nonce, ciphertext) "
                        + "SELECT :other, key_id, nonce, ciphertext FROM session_credentials WHERE instance_id = :id")
                .bind("other", UUID.randomUUID()).bind("id", instanceId).fetch().rowsUpdated().block(WAIT);
        UUID copiedTo = database.sql("SELECT instance_id FROM session_credentials WHERE nonce = :nonce "
                        + "AND instance_id <> :id")
                .bind("nonce", row.nonce()).bind("id", instanceId).map(r -> r.get(0, UUID.class)).one().block(WAIT);
        assertThatThrownBy(() -> stores.forInstance(copiedTo).load())
                .isInstanceOf(CredentialDecryptionException.class);
    }

    @Test
    void preKeysAreSealedAndCountedWithTheCredentials() {
        UUID instanceId = UUID.randomUUID();
        EncryptedCredentialStore store = stores.forInstance(instanceId);
        Credentials credentials = Credentials.fresh();
        List<PreKey> preKeys = List.of(new PreKey(1, KeyPair.generate()), new PreKey(2, KeyPair.generate()));
        store.saveWithPreKeys(credentials.withNextPreKeyId(3), preKeys);

        assertThat(store.preKeyCount()).isEqualTo(2);
        assertThat(store.load().orElseThrow().nextPreKeyId()).isEqualTo(3);
        assertThat(store.loadPreKey(2).orElseThrow().keyPair()).isEqualTo(preKeys.get(1).keyPair());
        byte[] sealed = database.sql("SELECT ciphertext FROM session_prekeys WHERE instance_id = :id AND prekey_id = 2")
                .bind("id", instanceId).map(r -> r.get(0, byte[].class)).one().block(WAIT);
        assertThat(contains(sealed, preKeys.get(1).keyPair().privateKey())).isFalse();

        store.removePreKey(1);
        assertThat(store.loadPreKey(1)).isEmpty();
        store.delete();
        assertThat(store.load()).isEmpty();
        assertThat(store.preKeyCount()).isZero();
    }

    private static Credentials linked(Credentials fresh) {
        return fresh.withAccount(new LinkedAccount("4915100000001:3@s.whatsapp.net", "1234:3@lid",
                Credentials.randomBytes(120), Credentials.randomBytes(32), 1, "android", null)).withPushName("Sales");
    }

    private Sealed rawCredentials(UUID instanceId) {
        return database.sql("SELECT key_id, nonce, ciphertext FROM session_credentials WHERE instance_id = :id")
                .bind("id", instanceId)
                .map(r -> new Sealed(r.get("key_id", String.class), r.get("nonce", byte[].class),
                        r.get("ciphertext", byte[].class)))
                .one().block(WAIT);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }
}
