package io.wagate.session.credentials.internal;

import io.wagate.session.credentials.CredentialCipher.MasterKeys;
import io.wagate.session.credentials.EncryptionProperties;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.SecretKey;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Resolves the master keys. Configured keys are parsed at construction, so a bad key stops the start. Without keys,
 * construction fails unless the profile is local; then a key is generated once and kept in {@code local_master_key}
 * (loaded on first use, because the table exists only after Flyway ran).
 */
public final class MasterKeyResolver implements Supplier<MasterKeys> {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyResolver.class);
    private static final String LOCAL_KEY_ID = "local";

    private final DatabaseClient database;
    private volatile @Nullable MasterKeys keys;

    public MasterKeyResolver(EncryptionProperties properties, boolean localProfile, DatabaseClient database) {
        this.database = database;
        if (!properties.keys().isEmpty()) {
            this.keys = configured(properties);
        } else if (!localProfile) {
            throw new IllegalStateException("No master key for the credentials: set wagate.sessions.encryption.keys "
                    + "(key id -> Base64 of 32 random bytes) and active-key-id; only wagate.profile=local generates one");
        }
    }

    @Override
    public MasterKeys get() {
        MasterKeys current = keys;
        if (current == null) {
            synchronized (this) {
                current = keys;
                if (current == null) {
                    current = localKey();
                    keys = current;
                }
            }
        }
        return current;
    }

    private static MasterKeys configured(EncryptionProperties properties) {
        Map<String, SecretKey> byId = new LinkedHashMap<>();
        properties.keys().forEach((id, base64) -> {
            try {
                byId.put(id, MasterKeys.aesKey(Base64.getDecoder().decode(base64.trim())));
            } catch (IllegalArgumentException e) {
                // The message must not echo the value: it is key material.
                throw new IllegalStateException("Master key '" + id + "' is not Base64 of 32 bytes");
            }
        });
        String active = properties.activeKeyId();
        if (active == null || active.isBlank()) {
            if (byId.size() != 1) {
                throw new IllegalStateException("Several master keys are configured: set "
                        + "wagate.sessions.encryption.active-key-id");
            }
            active = byId.keySet().iterator().next();
        }
        return new MasterKeys(byId, active);
    }

    private MasterKeys localKey() {
        byte[] generated = new byte[32];
        new SecureRandom().nextBytes(generated);
        String stored = database.sql("INSERT INTO local_master_key (key_id, key_base64) VALUES (:id, :key) "
                        + "ON CONFLICT (key_id) DO NOTHING")
                .bind("id", LOCAL_KEY_ID)
                .bind("key", Base64.getEncoder().encodeToString(generated))
                .fetch().rowsUpdated()
                .then(database.sql("SELECT key_base64 FROM local_master_key WHERE key_id = :id")
                        .bind("id", LOCAL_KEY_ID)
                        .map(row -> row.get(0, String.class)).one())
                .block(Duration.ofSeconds(30));
        if (stored == null) {
            throw new IllegalStateException("The local master key could not be stored");
        }
        log.warn("Using the generated local master key for credentials; never run like this outside wagate.profile=local");
        return new MasterKeys(Map.of(LOCAL_KEY_ID, MasterKeys.aesKey(Base64.getDecoder().decode(stored))),
                LOCAL_KEY_ID);
    }
}
