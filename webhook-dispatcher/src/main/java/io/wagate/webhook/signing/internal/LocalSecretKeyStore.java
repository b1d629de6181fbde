package io.wagate.webhook.signing.internal;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The generated key of local runs, one row; concurrent first starts agree on whichever row was inserted first. */
@Repository
public class LocalSecretKeyStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DatabaseClient database;

    LocalSecretKeyStore(DatabaseClient database) {
        this.database = database;
    }

    /** The stored key in Base64, generated and stored on first use. */
    public Mono<String> loadOrCreate(int bytes) {
        byte[] key = new byte[bytes];
        RANDOM.nextBytes(key);
        return database.sql("INSERT INTO local_secret_key (id, key_base64) VALUES (1, :key) ON CONFLICT (id) DO NOTHING")
                .bind("key", Base64.getEncoder().encodeToString(key))
                .then()
                .then(database.sql("SELECT key_base64 FROM local_secret_key WHERE id = 1")
                        .map(row -> row.get(0, String.class)).one());
    }
}
