package io.wagate.instance.instance.internal;

import io.r2dbc.spi.Readable;
import io.wagate.contracts.session.Engine;
import io.wagate.contracts.session.SessionStatus;
import io.wagate.instance.instance.DesiredState;
import io.wagate.instance.instance.Instance;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The instance table, always queried within one tenant. */
@Repository
public class InstanceRows {

    private static final String COLUMNS = "id, tenant_id, name, description, engine, desired_state, status, "
            + "status_reason, status_detail, status_since, phone_number, jid, push_name, platform, reconnects, "
            + "messages_day, messages_today, created_at, updated_at";

    private final DatabaseClient database;

    InstanceRows(DatabaseClient database) {
        this.database = database;
    }

    public Mono<Instance> find(UUID tenantId, String name) {
        return database.sql("SELECT " + COLUMNS + " FROM instance WHERE tenant_id = :tenant AND name = :name")
                .bind("tenant", tenantId)
                .bind("name", name)
                .map(InstanceRows::instance)
                .one();
    }

    public Flux<Instance> page(UUID tenantId, @Nullable SessionStatus status, int limit, long offset) {
        var spec = database.sql("SELECT " + COLUMNS + " FROM instance WHERE tenant_id = :tenant"
                        + (status == null ? "" : " AND status = :status")
                        + " ORDER BY name LIMIT :limit OFFSET :offset")
                .bind("tenant", tenantId)
                .bind("limit", limit)
                .bind("offset", offset);
        if (status != null) {
            spec = spec.bind("status", status.name());
        }
        return spec.map(InstanceRows::instance).all();
    }

    public Mono<Long> count(UUID tenantId, @Nullable SessionStatus status) {
        var spec = database.sql("SELECT count(*) AS n FROM instance WHERE tenant_id = :tenant"
                        + (status == null ? "" : " AND status = :status"))
                .bind("tenant", tenantId);
        if (status != null) {
            spec = spec.bind("status", status.name());
        }
        return spec.map(row -> row.get("n", Long.class)).one();
    }

    /**
     * Takes the tenant's creation lock for the rest of the transaction. The upsert locks the row even when it
     * already exists, so concurrent creates of one tenant queue here and each counts the others' committed rows.
     */
    public Mono<Void> lockTenant(UUID tenantId) {
        return database.sql("INSERT INTO tenant_instance_lock (tenant_id) VALUES (:tenant) "
                        + "ON CONFLICT (tenant_id) DO UPDATE SET tenant_id = EXCLUDED.tenant_id")
                .bind("tenant", tenantId)
                .then();
    }

    public Mono<Void> insert(UUID id, UUID tenantId, String name, @Nullable String description, Engine engine) {
        var spec = database.sql("INSERT INTO instance (id, tenant_id, name, description, engine) "
                        + "VALUES (:id, :tenant, :name, :description, :engine)")
                .bind("id", id)
                .bind("tenant", tenantId)
                .bind("name", name)
                .bind("engine", engine.wire());
        spec = description == null ? spec.bindNull("description", String.class) : spec.bind("description", description);
        return spec.then();
    }

    /** Renames and/or re-describes; null leaves a field unchanged. True when the instance existed. */
    public Mono<Boolean> update(UUID tenantId, UUID id, @Nullable String name, @Nullable String description) {
        var spec = database.sql("UPDATE instance SET name = coalesce(:name, name), "
                        + "description = CASE WHEN :description::text IS NULL THEN description "
                        + "WHEN :description::text = '' THEN NULL ELSE :description::text END, updated_at = now() "
                        + "WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenantId)
                .bind("id", id);
        spec = name == null ? spec.bindNull("name", String.class) : spec.bind("name", name);
        spec = description == null ? spec.bindNull("description", String.class) : spec.bind("description", description);
        return spec.fetch().rowsUpdated().map(rows -> rows > 0);
    }

    public Mono<Void> setDesiredState(UUID tenantId, UUID id, DesiredState state) {
        return database.sql("UPDATE instance SET desired_state = :state, updated_at = now() "
                        + "WHERE tenant_id = :tenant AND id = :id")
                .bind("state", state.name())
                .bind("tenant", tenantId)
                .bind("id", id)
                .then();
    }

    /** Every instance of the tenant, oldest first. */
    public Flux<Instance> all(UUID tenantId) {
        return database.sql("SELECT " + COLUMNS + " FROM instance WHERE tenant_id = :tenant ORDER BY created_at")
                .bind("tenant", tenantId)
                .map(InstanceRows::instance)
                .all();
    }

    public Mono<Void> forgetTenant(UUID tenantId) {
        return database.sql("DELETE FROM tenant_instance_lock WHERE tenant_id = :tenant").bind("tenant", tenantId)
                .then()
                .then(database.sql("DELETE FROM idempotent_request WHERE tenant_id = :tenant").bind("tenant", tenantId)
                        .then());
    }

    public Mono<Boolean> delete(UUID tenantId, UUID id) {
        return database.sql("DELETE FROM instance WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenantId)
                .bind("id", id)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }

    static Instance instance(Readable row) {
        return new Instance(
                row.get("id", UUID.class),
                row.get("tenant_id", UUID.class),
                row.get("name", String.class),
                row.get("description", String.class),
                Engine.fromWire(row.get("engine", String.class)),
                DesiredState.valueOf(row.get("desired_state", String.class)),
                SessionStatus.valueOf(row.get("status", String.class)),
                row.get("status_reason", String.class),
                row.get("status_detail", String.class),
                row.get("status_since", Instant.class),
                row.get("phone_number", String.class),
                row.get("jid", String.class),
                row.get("push_name", String.class),
                row.get("platform", String.class),
                row.get("reconnects", Integer.class),
                row.get("messages_day", LocalDate.class),
                row.get("messages_today", Integer.class),
                row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class));
    }
}
