package io.wagate.instance.lifecycle.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The idempotent_request table. */
@Repository
public class IdempotentRequests {

    /** A stored first answer and the fingerprint of the request that produced it. */
    public record Stored(String fingerprint, String response) {
    }

    private final DatabaseClient database;

    IdempotentRequests(DatabaseClient database) {
        this.database = database;
    }

    /**
     * Claims the key for this request inside the caller's transaction: true when this request is the first within
     * the window (an expired claim is taken over), false when an earlier answer exists.
     */
    public Mono<Boolean> claim(UUID tenantId, String key, String fingerprint, String response, Duration window) {
        return database.sql("INSERT INTO idempotent_request (tenant_id, idempotency_key, fingerprint, response) "
                        + "VALUES (:tenant, :key, :fingerprint, :response) "
                        + "ON CONFLICT (tenant_id, idempotency_key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, "
                        + "response = EXCLUDED.response, created_at = now() "
                        + "WHERE idempotent_request.created_at < :cutoff")
                .bind("tenant", tenantId)
                .bind("key", key)
                .bind("fingerprint", fingerprint)
                .bind("response", response)
                .bind("cutoff", Instant.now().minus(window))
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }

    public Mono<Stored> find(UUID tenantId, String key) {
        return database.sql("SELECT fingerprint, response FROM idempotent_request "
                        + "WHERE tenant_id = :tenant AND idempotency_key = :key")
                .bind("tenant", tenantId)
                .bind("key", key)
                .map(row -> new Stored(row.get("fingerprint", String.class), row.get("response", String.class)))
                .one();
    }

    public Mono<Long> purgeOlderThan(Duration window) {
        return database.sql("DELETE FROM idempotent_request WHERE created_at < :cutoff")
                .bind("cutoff", Instant.now().minus(window))
                .fetch()
                .rowsUpdated();
    }
}
