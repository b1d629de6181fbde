package io.wagate.webhook.delivery.internal;

import io.wagate.contracts.EventIds;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
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

    /** One attempt to log. */
    public record NewAttempt(UUID endpointId, String eventId, String webhookId, String type, int attempt,
            @Nullable Integer statusCode, long latencyMillis, @Nullable String errorClass) {
    }

    /** Logs several attempts in one statement (of one shape for any number: it is prepared once). */
    public Mono<Void> insertAll(List<NewAttempt> attempts) {
        int size = attempts.size();
        UUID[] ids = new UUID[size];
        UUID[] endpoints = new UUID[size];
        String[] events = new String[size];
        String[] webhooks = new String[size];
        String[] types = new String[size];
        Integer[] numbers = new Integer[size];
        Integer[] statuses = new Integer[size];
        Long[] latencies = new Long[size];
        String[] errors = new String[size];
        for (int i = 0; i < size; i++) {
            NewAttempt attempt = attempts.get(i);
            ids[i] = EventIds.newUuid();
            endpoints[i] = attempt.endpointId();
            events[i] = attempt.eventId();
            webhooks[i] = attempt.webhookId();
            types[i] = attempt.type();
            numbers[i] = attempt.attempt();
            statuses[i] = attempt.statusCode();
            latencies[i] = attempt.latencyMillis();
            errors[i] = attempt.errorClass();
        }
        return database.sql("INSERT INTO delivery_attempt (id, endpoint_id, event_id, webhook_id, event_type, attempt, "
                        + "status_code, latency_ms, error_class) SELECT * FROM unnest(:ids::uuid[], "
                        + ":endpoints::uuid[], :events::text[], :webhooks::text[], :types::text[], :numbers::int[], "
                        + ":statuses::int[], :latencies::bigint[], :errors::text[])")
                .bind("ids", ids)
                .bind("endpoints", endpoints)
                .bind("events", events)
                .bind("webhooks", webhooks)
                .bind("types", types)
                .bind("numbers", numbers)
                .bind("statuses", statuses)
                .bind("latencies", latencies)
                .bind("errors", errors)
                .then();
    }

    public Mono<Long> deleteOlderThan(Instant before) {
        return database.sql("DELETE FROM delivery_attempt WHERE created_at < :before").bind("before", before)
                .fetch().rowsUpdated();
    }

    /** True when the endpoint ever had an attempt with this webhook id (its payload may have expired). */
    public Mono<Boolean> known(UUID endpointId, String webhookId) {
        return database.sql("SELECT 1 FROM delivery_attempt WHERE webhook_id = :webhook AND endpoint_id = :endpoint "
                        + "LIMIT 1")
                .bind("webhook", webhookId)
                .bind("endpoint", endpointId)
                .map(row -> true)
                .one()
                .defaultIfEmpty(false);
    }

    /** The first logged attempt of a webhook id at an endpoint, if there is one yet. */
    public Mono<Attempt> first(UUID endpointId, String webhookId) {
        return database.sql("SELECT id, event_id, webhook_id, event_type, attempt, status_code, latency_ms, error_class, "
                        + "created_at FROM delivery_attempt WHERE webhook_id = :webhook AND endpoint_id = :endpoint "
                        + "ORDER BY created_at, id LIMIT 1")
                .bind("webhook", webhookId)
                .bind("endpoint", endpointId)
                .map(AttemptRows::attempt)
                .one();
    }

    /**
     * What to list of an endpoint's attempts; null parts do not filter.
     *
     * @param succeeded true for 2xx answers, false for the others (including no answer)
     * @param since inclusive
     * @param until exclusive
     */
    public record Filter(@Nullable String type, @Nullable Boolean succeeded, @Nullable Instant since,
            @Nullable Instant until, @Nullable String webhookId, @Nullable String eventId) {
    }

    /** The endpoint's attempts that pass the filter, newest first. */
    public Flux<Attempt> recent(UUID endpointId, Filter filter, int limit) {
        StringBuilder where = new StringBuilder("endpoint_id = :endpoint");
        if (filter.type() != null) {
            where.append(" AND event_type = :type");
        }
        if (filter.succeeded() != null) {
            where.append(filter.succeeded() ? " AND status_code BETWEEN 200 AND 299"
                    : " AND (status_code IS NULL OR status_code NOT BETWEEN 200 AND 299)");
        }
        if (filter.since() != null) {
            where.append(" AND created_at >= :since");
        }
        if (filter.until() != null) {
            where.append(" AND created_at < :until");
        }
        if (filter.webhookId() != null) {
            where.append(" AND webhook_id = :webhook");
        }
        if (filter.eventId() != null) {
            where.append(" AND event_id = :event");
        }
        var spec = database.sql("SELECT id, event_id, webhook_id, event_type, attempt, status_code, latency_ms, "
                        + "error_class, created_at FROM delivery_attempt WHERE " + where
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .bind("endpoint", endpointId)
                .bind("limit", limit);
        if (filter.type() != null) {
            spec = spec.bind("type", filter.type());
        }
        if (filter.since() != null) {
            spec = spec.bind("since", filter.since());
        }
        if (filter.until() != null) {
            spec = spec.bind("until", filter.until());
        }
        if (filter.webhookId() != null) {
            spec = spec.bind("webhook", filter.webhookId());
        }
        if (filter.eventId() != null) {
            spec = spec.bind("event", filter.eventId());
        }
        return spec.map(AttemptRows::attempt).all();
    }

    private static Attempt attempt(Readable row) {
        return new Attempt(row.get("id", UUID.class), row.get("event_id", String.class),
                row.get("webhook_id", String.class), row.get("event_type", String.class),
                row.get("attempt", Integer.class), row.get("status_code", Integer.class),
                row.get("latency_ms", Long.class), row.get("error_class", String.class),
                row.get("created_at", Instant.class));
    }

    /** One logged attempt; {@code statusCode} is absent when no answer came ({@code errorClass} says why). */
    public record Attempt(UUID id, String eventId, String webhookId, String type, int attempt,
            @Nullable Integer statusCode, long latencyMs, @Nullable String errorClass, Instant createdAt) {
    }
}
