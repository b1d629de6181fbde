package io.wagate.webhook.endpoint.internal;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import io.wagate.webhook.endpoint.Endpoint;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The endpoint table, joined with the instance projection for the instance name. */
@Repository
public class EndpointRows {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };
    private static final String SELECT = "SELECT e.id, e.tenant_id, e.instance_id, i.name AS instance_name, e.url, "
            + "e.event_types, e.secret, e.previous_secret, e.previous_secret_expires_at, e.enabled, e.disabled_reason, "
            + "e.failing_since, e.headers, e.created_at, e.updated_at FROM endpoint e LEFT JOIN known_instance i ON i.id = e.instance_id ";

    private final DatabaseClient database;

    EndpointRows(DatabaseClient database) {
        this.database = database;
    }

    public Mono<Void> insert(UUID id, UUID tenantId, UUID instanceId, String url, List<String> eventTypes,
            byte[] secret, Map<String, String> headers) {
        return database.sql("INSERT INTO endpoint (id, tenant_id, instance_id, url, event_types, secret, headers) "
                        + "VALUES (:id, :tenant, :instance, :url, :types, :secret, :headers)")
                .bind("id", id)
                .bind("tenant", tenantId)
                .bind("instance", instanceId)
                .bind("url", url)
                .bind("types", eventTypes.toArray(String[]::new))
                .bind("secret", secret)
                .bind("headers", Json.of(JSON.writeValueAsString(headers)))
                .then();
    }

    public Mono<Endpoint> find(UUID tenantId, UUID id) {
        return database.sql(SELECT + "WHERE e.tenant_id = :tenant AND e.id = :id")
                .bind("tenant", tenantId)
                .bind("id", id)
                .map(EndpointRows::endpoint)
                .one();
    }

    /** For deliveries, which start from an endpoint id in a job rather than from a request. */
    public Mono<Endpoint> findAnyTenant(UUID id) {
        return database.sql(SELECT + "WHERE e.id = :id").bind("id", id).map(EndpointRows::endpoint).one();
    }

    public Flux<Endpoint> list(UUID tenantId, @Nullable UUID instanceId) {
        var spec = database.sql(SELECT + "WHERE e.tenant_id = :tenant"
                        + (instanceId == null ? "" : " AND e.instance_id = :instance") + " ORDER BY e.created_at, e.id")
                .bind("tenant", tenantId);
        if (instanceId != null) {
            spec = spec.bind("instance", instanceId);
        }
        return spec.map(EndpointRows::endpoint).all();
    }

    public Flux<Endpoint> enabledFor(UUID instanceId) {
        return database.sql(SELECT + "WHERE e.instance_id = :instance AND e.enabled ORDER BY e.id")
                .bind("instance", instanceId)
                .map(EndpointRows::endpoint)
                .all();
    }

    public Mono<Void> update(UUID id, String url, List<String> eventTypes, boolean enabled,
            @Nullable String disabledReason, Map<String, String> headers) {
        // Re-enabling starts a fresh failure run (the right-hand sides see the row before the update).
        var spec = database.sql("UPDATE endpoint SET url = :url, event_types = :types, enabled = :enabled, "
                        + "disabled_reason = :reason, headers = :headers, updated_at = now(), "
                        + "failing_since = CASE WHEN :enabled AND NOT enabled THEN NULL ELSE failing_since END "
                        + "WHERE id = :id")
                .bind("id", id)
                .bind("url", url)
                .bind("types", eventTypes.toArray(String[]::new))
                .bind("enabled", enabled)
                .bind("headers", Json.of(JSON.writeValueAsString(headers)));
        spec = disabledReason == null ? spec.bindNull("reason", String.class) : spec.bind("reason", disabledReason);
        return spec.then();
    }

    public Mono<Void> rotate(UUID id, byte[] secret, byte @Nullable [] previous, @Nullable Instant previousExpiresAt) {
        var spec = database.sql("UPDATE endpoint SET secret = :secret, previous_secret = :previous, "
                        + "previous_secret_expires_at = :expires, updated_at = now() WHERE id = :id")
                .bind("id", id)
                .bind("secret", secret);
        spec = previous == null ? spec.bindNull("previous", byte[].class) : spec.bind("previous", previous);
        spec = previousExpiresAt == null ? spec.bindNull("expires", Instant.class) : spec.bind("expires", previousExpiresAt);
        return spec.then();
    }

    public Mono<Boolean> disable(UUID id, String reason) {
        return database.sql("UPDATE endpoint SET enabled = false, disabled_reason = :reason, updated_at = now() "
                        + "WHERE id = :id AND enabled")
                .bind("id", id)
                .bind("reason", reason)
                .fetch().rowsUpdated()
                .map(rows -> rows > 0);
    }

    /** Disabled endpoints by reason. */
    public Mono<Map<String, Long>> disabledCounts() {
        return database.sql("SELECT coalesce(disabled_reason, 'disabled_by_user') AS reason, count(*) AS endpoints "
                        + "FROM endpoint WHERE NOT enabled GROUP BY 1")
                .map(row -> Map.entry(row.get("reason", String.class), row.get("endpoints", Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** The start of the endpoint's current failure run, if one is going on. */
    public Mono<Instant> failingSince(UUID id) {
        return database.sql("SELECT failing_since FROM endpoint WHERE id = :id AND failing_since IS NOT NULL")
                .bind("id", id)
                .map(row -> row.get("failing_since", Instant.class))
                .one();
    }

    /** Ends the endpoint's failure run. */
    public Mono<Void> succeeded(UUID id) {
        return database.sql("UPDATE endpoint SET failing_since = NULL WHERE id = :id AND failing_since IS NOT NULL")
                .bind("id", id)
                .then();
    }

    /**
     * Records a failure: starts the failure run if none is going on, and disables the endpoint when the run began
     * before {@code disableBefore}. True when this call disabled it.
     */
    public Mono<Boolean> failed(UUID id, Instant disableBefore) {
        return database.sql("UPDATE endpoint SET failing_since = now() WHERE id = :id AND failing_since IS NULL")
                .bind("id", id)
                .then()
                .then(database.sql("UPDATE endpoint SET enabled = false, disabled_reason = 'failing', "
                                + "updated_at = now() WHERE id = :id AND enabled AND failing_since < :before")
                        .bind("id", id)
                        .bind("before", disableBefore)
                        .fetch().rowsUpdated()
                        .map(rows -> rows > 0));
    }

    public Mono<Long> delete(UUID tenantId, UUID id) {
        return database.sql("DELETE FROM endpoint WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenantId)
                .bind("id", id)
                .fetch().rowsUpdated();
    }

    public Mono<Void> deleteForInstance(UUID instanceId) {
        return database.sql("DELETE FROM endpoint WHERE instance_id = :instance").bind("instance", instanceId).then();
    }

    public Mono<Void> deleteForTenant(UUID tenantId) {
        return database.sql("DELETE FROM endpoint WHERE tenant_id = :tenant").bind("tenant", tenantId).then();
    }

    private static Endpoint endpoint(Readable row) {
        Json headers = row.get("headers", Json.class);
        String[] types = row.get("event_types", String[].class);
        return new Endpoint(
                row.get("id", UUID.class),
                row.get("tenant_id", UUID.class),
                row.get("instance_id", UUID.class),
                row.get("instance_name", String.class),
                row.get("url", String.class),
                types == null ? List.of() : List.of(types),
                row.get("secret", byte[].class),
                row.get("previous_secret", byte[].class),
                row.get("previous_secret_expires_at", Instant.class),
                Boolean.TRUE.equals(row.get("enabled", Boolean.class)),
                row.get("disabled_reason", String.class),
                row.get("failing_since", Instant.class),
                headers == null ? Map.of() : JSON.readValue(headers.asString(), HEADERS),
                row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class));
    }
}
