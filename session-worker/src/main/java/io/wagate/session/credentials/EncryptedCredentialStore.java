package io.wagate.session.credentials;

import io.wagate.engine.store.CredentialStore;
import io.wagate.engine.store.Credentials;
import io.wagate.engine.store.PreKey;
import io.wagate.session.credentials.internal.CredentialCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The engine's {@link CredentialStore} for one instance, on PostgreSQL, every value sealed by
 * {@link CredentialCipher}. The engine's interface is blocking, so each call blocks on its R2DBC pipeline: the engine
 * calls it from the session's virtual thread and from the WebSocket executor (virtual threads as well), never from a
 * Reactor event loop; Reactor's {@code block()} refuses to run on one, so a mistake fails loudly instead of stalling
 * the loop. Sealing and opening run on the calling thread as well, never inside a Reactor callback: the first use
 * of the local master key loads it with a blocking query, and a restarted worker's first use is a load. Each call is
 * one transaction, as the interface requires.
 *
 * <p>Writes are fenced: they carry the session's lease token ({@code fence}) and fail with
 * {@link StaleFenceException} once the {@code sessions} row has seen a newer one, so a worker that lost the lease
 * cannot overwrite the credentials of the next holder. The check holds a share lock on the row until the write
 * commits, so it cannot interleave with the next holder raising the fence.
 */
public final class EncryptedCredentialStore implements CredentialStore {

    /** The fence of a store whose writes are not tied to a lease (tools, tests): every write passes. */
    public static final long UNFENCED = Long.MAX_VALUE;

    private final UUID instanceId;
    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final CredentialCipher cipher;
    private final Duration timeout;
    private final LongSupplier fence;

    public EncryptedCredentialStore(UUID instanceId, DatabaseClient database, TransactionalOperator transactions,
            CredentialCipher cipher, Duration timeout, LongSupplier fence) {
        this.instanceId = instanceId;
        this.database = database;
        this.transactions = transactions;
        this.cipher = cipher;
        this.timeout = timeout;
        this.fence = fence;
    }

    @Override
    public Optional<Credentials> load() {
        return database.sql("SELECT key_id, nonce, ciphertext FROM session_credentials WHERE instance_id = :id")
                .bind("id", instanceId)
                .map(row -> new Sealed(row.get("key_id", String.class), row.get("nonce", byte[].class),
                        row.get("ciphertext", byte[].class)))
                .one()
                .blockOptional(timeout)
                .map(sealed -> CredentialCodec.decode(cipher.open(sealed, credentialsAad())));
    }

    @Override
    public void save(Credentials credentials) {
        transactions.transactional(fenced(upsert(credentials))).block(timeout);
    }

    @Override
    public void saveWithPreKeys(Credentials credentials, List<PreKey> preKeys) {
        // Sealed here, on the caller's thread: the cipher may block (the local key's first load) and is CPU work.
        Mono<Void> inserts = Flux.concat(preKeys.stream().map(this::insertPreKey).toList()).then();
        transactions.transactional(fenced(inserts.then(upsert(credentials)))).block(timeout);
    }

    @Override
    public Optional<PreKey> loadPreKey(int id) {
        return database.sql("SELECT key_id, nonce, ciphertext FROM session_prekeys "
                        + "WHERE instance_id = :instance AND prekey_id = :prekey")
                .bind("instance", instanceId)
                .bind("prekey", id)
                .map(row -> new Sealed(row.get("key_id", String.class), row.get("nonce", byte[].class),
                        row.get("ciphertext", byte[].class)))
                .one()
                .blockOptional(timeout)
                .map(sealed -> CredentialCodec.decodePreKey(cipher.open(sealed, preKeyAad(id))));
    }

    @Override
    public void removePreKey(int id) {
        Mono<Void> delete = database.sql(
                        "DELETE FROM session_prekeys WHERE instance_id = :instance AND prekey_id = :prekey")
                .bind("instance", instanceId)
                .bind("prekey", id)
                .fetch().rowsUpdated()
                .then();
        transactions.transactional(fenced(delete)).block(timeout);
    }

    @Override
    public int preKeyCount() {
        Long count = database.sql("SELECT count(*) FROM session_prekeys WHERE instance_id = :instance")
                .bind("instance", instanceId)
                .map(row -> row.get(0, Long.class))
                .one()
                .block(timeout);
        return count == null ? 0 : count.intValue();
    }

    @Override
    public void delete() {
        transactions.transactional(fenced(deleteAll(database, instanceId))).block(timeout);
    }

    /** Runs the write only while no lease token newer than this store's was seen; see the class comment. */
    private Mono<Void> fenced(Mono<Void> write) {
        long token = fence.getAsLong();
        if (token == UNFENCED) {
            return write;
        }
        return database.sql("SELECT 1 FROM sessions WHERE instance_id = :id AND fence <= :fence FOR SHARE")
                .bind("id", instanceId)
                .bind("fence", token)
                .map(row -> 1)
                .one()
                .switchIfEmpty(Mono.error(() -> new StaleFenceException(instanceId, token)))
                .then(write);
    }

    /** Deletes an instance's credentials and prekeys, inside the caller's transaction when there is one. */
    public static Mono<Void> deleteAll(DatabaseClient database, UUID instanceId) {
        return database.sql("DELETE FROM session_prekeys WHERE instance_id = :id").bind("id", instanceId)
                .fetch().rowsUpdated()
                .then(database.sql("DELETE FROM session_credentials WHERE instance_id = :id").bind("id", instanceId)
                        .fetch().rowsUpdated())
                .then();
    }

    private Mono<Void> upsert(Credentials credentials) {
        Sealed sealed = cipher.seal(CredentialCodec.encode(credentials), credentialsAad());
        return database.sql("INSERT INTO session_credentials (instance_id, key_id, nonce, ciphertext, updated_at) "
                        + "VALUES (:id, :keyId, :nonce, :ciphertext, now()) ON CONFLICT (instance_id) DO UPDATE SET "
                        + "key_id = EXCLUDED.key_id, nonce = EXCLUDED.nonce, ciphertext = EXCLUDED.ciphertext, "
                        + "updated_at = now()")
                .bind("id", instanceId)
                .bind("keyId", sealed.keyId())
                .bind("nonce", sealed.nonce())
                .bind("ciphertext", sealed.ciphertext())
                .fetch().rowsUpdated()
                .then();
    }

    private Mono<Void> insertPreKey(PreKey preKey) {
        Sealed sealed = cipher.seal(CredentialCodec.encode(preKey), preKeyAad(preKey.id()));
        return database.sql("INSERT INTO session_prekeys (instance_id, prekey_id, key_id, nonce, ciphertext) "
                        + "VALUES (:instance, :prekey, :keyId, :nonce, :ciphertext) ON CONFLICT (instance_id, prekey_id) "
                        + "DO UPDATE SET key_id = EXCLUDED.key_id, nonce = EXCLUDED.nonce, ciphertext = EXCLUDED.ciphertext")
                .bind("instance", instanceId)
                .bind("prekey", preKey.id())
                .bind("keyId", sealed.keyId())
                .bind("nonce", sealed.nonce())
                .bind("ciphertext", sealed.ciphertext())
                .fetch().rowsUpdated()
                .then();
    }

    private byte[] credentialsAad() {
        return instanceId.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] preKeyAad(int preKeyId) {
        return (instanceId + "/prekey/" + preKeyId).getBytes(StandardCharsets.UTF_8);
    }
}
