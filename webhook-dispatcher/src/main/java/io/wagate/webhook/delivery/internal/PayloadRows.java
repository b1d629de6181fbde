package io.wagate.webhook.delivery.internal;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The delivery_payload table: encrypted bodies kept for replay. */
@Repository
public class PayloadRows {

    private static final String SELECT = "SELECT p.webhook_id, p.endpoint_id, p.event_id, p.event_type, p.body, "
            + "p.created_at FROM delivery_payload p ";

    private final DatabaseClient database;

    PayloadRows(DatabaseClient database) {
        this.database = database;
    }

    /** Keeps the first body of a (event, endpoint): a redelivered event has the same one. */
    public Mono<Void> insert(String webhookId, UUID endpointId, String eventId, String type, byte[] sealedBody) {
        return database.sql("INSERT INTO delivery_payload (webhook_id, endpoint_id, event_id, event_type, body) "
                        + "VALUES (:webhook, :endpoint, :event, :type, :body) ON CONFLICT (webhook_id) DO NOTHING")
                .bind("webhook", webhookId)
                .bind("endpoint", endpointId)
                .bind("event", eventId)
                .bind("type", type)
                .bind("body", sealedBody)
                .then();
    }

    public Mono<Payload> find(UUID endpointId, String webhookId) {
        return database.sql(SELECT + "WHERE p.endpoint_id = :endpoint AND p.webhook_id = :webhook")
                .bind("endpoint", endpointId)
                .bind("webhook", webhookId)
                .map(PayloadRows::payload)
                .one();
    }

    /**
     * The endpoint's payloads queued in [from, until), oldest first, optionally only of these types and only those
     * whose delivery succeeded ({@code succeeded = true}) or never succeeded ({@code false}).
     */
    public Flux<Payload> range(UUID endpointId, Instant from, Instant until, List<String> types,
            @Nullable Boolean succeeded, int limit) {
        String outcome = succeeded == null ? ""
                : (succeeded ? " AND " : " AND NOT ") + "EXISTS (SELECT 1 FROM delivery_attempt a WHERE "
                        + "a.webhook_id = p.webhook_id AND a.status_code BETWEEN 200 AND 299)";
        var spec = database.sql(SELECT + "WHERE p.endpoint_id = :endpoint AND p.created_at >= :from "
                        + "AND p.created_at < :until" + (types.isEmpty() ? "" : " AND p.event_type = ANY(:types)")
                        + outcome + " ORDER BY p.created_at, p.webhook_id LIMIT :limit")
                .bind("endpoint", endpointId)
                .bind("from", from)
                .bind("until", until)
                .bind("limit", limit);
        if (!types.isEmpty()) {
            spec = spec.bind("types", types.toArray(String[]::new));
        }
        return spec.map(PayloadRows::payload).all();
    }

    public Mono<Long> deleteOlderThan(Instant before) {
        return database.sql("DELETE FROM delivery_payload WHERE created_at < :before").bind("before", before)
                .fetch().rowsUpdated();
    }

    private static Payload payload(Readable row) {
        return new Payload(row.get("webhook_id", String.class), row.get("endpoint_id", UUID.class),
                row.get("event_id", String.class), row.get("event_type", String.class), row.get("body", byte[].class),
                row.get("created_at", Instant.class));
    }

    /** A kept body, still encrypted. */
    public record Payload(String webhookId, UUID endpointId, String eventId, String type, byte[] sealedBody,
            Instant createdAt) {
    }
}
