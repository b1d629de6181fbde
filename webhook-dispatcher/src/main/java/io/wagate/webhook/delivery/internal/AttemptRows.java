package io.wagate.webhook.delivery.internal;

import io.wagate.contracts.EventIds;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The delivery_attempt table. */
@Repository
public class AttemptRows {

    private final DatabaseClient database;

    AttemptRows(DatabaseClient database) {
        this.database = database;
    }

    public Mono<Void> insert(UUID endpointId, String eventId, String webhookId, String type, int attempt,
            @Nullable Integer statusCode, long latencyMillis, @Nullable String errorClass) {
        var spec = database.sql("INSERT INTO delivery_attempt (id, endpoint_id, event_id, webhook_id, event_type, "
                        + "attempt, status_code, latency_ms, error_class) VALUES (:id, :endpoint, :event, :webhook, "
                        + ":type, :attempt, :status, :latency, :error)")
                .bind("id", EventIds.newUuid())
                .bind("endpoint", endpointId)
                .bind("event", eventId)
                .bind("webhook", webhookId)
                .bind("type", type)
                .bind("attempt", attempt)
                .bind("latency", latencyMillis);
        spec = statusCode == null ? spec.bindNull("status", Integer.class) : spec.bind("status", statusCode);
        spec = errorClass == null ? spec.bindNull("error", String.class) : spec.bind("error", errorClass);
        return spec.then();
    }

    /** The endpoint's most recent attempts, newest first. */
    public Flux<Attempt> recent(UUID endpointId, int limit) {
        return database.sql("SELECT id, event_id, webhook_id, event_type, attempt, status_code, latency_ms, error_class, "
                        + "created_at FROM delivery_attempt WHERE endpoint_id = :endpoint "
                        + "ORDER BY created_at DESC, id DESC LIMIT :limit")
                .bind("endpoint", endpointId)
                .bind("limit", limit)
                .map(row -> new Attempt(row.get("id", UUID.class), row.get("event_id", String.class),
                        row.get("webhook_id", String.class), row.get("event_type", String.class),
                        row.get("attempt", Integer.class), row.get("status_code", Integer.class),
                        row.get("latency_ms", Long.class), row.get("error_class", String.class),
                        row.get("created_at", Instant.class)))
                .all();
    }

    /** One logged attempt; {@code statusCode} is absent when no answer came ({@code errorClass} says why). */
    public record Attempt(UUID id, String eventId, String webhookId, String type, int attempt,
            @Nullable Integer statusCode, long latencyMs, @Nullable String errorClass, Instant createdAt) {
    }
}
