package io.wagate.auth.token.internal;

import io.wagate.auth.shared.Secrets;
import io.wagate.auth.token.SigningKey;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Signing keys for local runs, kept in the database so a restart does not log everyone out. The private key is
 * stored unencrypted: acceptable on a developer machine, and production never reaches this class because it
 * configures its keys. Two replicas starting together may each insert a key; both are then published and all
 * replicas sign with the same (newest) one after reading back.
 */
@Component
public class LocalSigningKeyStore {

    private final DatabaseClient database;

    LocalSigningKeyStore(DatabaseClient database) {
        this.database = database;
    }

    /** The stored keys, newest first; generates and stores one when there is none. */
    public Mono<List<SigningKey>> loadOrCreate() {
        return load().flatMap(keys -> keys.isEmpty() ? create().then(load()) : Mono.just(keys));
    }

    private Mono<List<SigningKey>> load() {
        return database.sql("SELECT kid, private_key FROM signing_keys ORDER BY created_at DESC, kid")
                .map((row, meta) -> EcKeys.fromPkcs8(row.get("kid", String.class), row.get("private_key", String.class)))
                .all().collectList();
    }

    private Mono<Void> create() {
        KeyPair pair = EcKeys.generate();
        return database.sql("INSERT INTO signing_keys (kid, private_key) VALUES (:kid, :key) ON CONFLICT DO NOTHING")
                .bind("kid", "local-" + Secrets.base62(12))
                .bind("key", Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()))
                .then();
    }
}
