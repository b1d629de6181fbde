package io.wagate.auth.apikey.internal;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The instances auth-service knows from platform.instance.events, to check ownership before issuing a key. */
@Component
public class InstanceProjection {

    private final DatabaseClient database;

    InstanceProjection(DatabaseClient database) {
        this.database = database;
    }

    /** A live instance of a tenant. */
    public record KnownInstance(UUID id, UUID tenantId, String name, String engine) {
    }

    public Mono<Void> created(UUID id, UUID tenantId, String name, String engine) {
        return database.sql("INSERT INTO known_instances (id, tenant_id, name, engine) VALUES (:id, :tenant, :name, :engine) "
                        + "ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, engine = EXCLUDED.engine")
                .bind("id", id).bind("tenant", tenantId).bind("name", name).bind("engine", engine).then();
    }

    public Mono<Void> renamed(UUID id, String name) {
        return database.sql("UPDATE known_instances SET name = :name WHERE id = :id").bind("id", id).bind("name", name)
                .then();
    }

    /** Records the deletion (a later duplicate InstanceCreated must not bring it back). */
    public Mono<Void> deleted(UUID id, UUID tenantId, String name) {
        return database.sql("INSERT INTO known_instances (id, tenant_id, name, engine, deleted_at) "
                        + "VALUES (:id, :tenant, :name, 'web', now()) ON CONFLICT (id) DO UPDATE SET deleted_at = now()")
                .bind("id", id).bind("tenant", tenantId).bind("name", name).then();
    }

    /** The instance when it exists, is not deleted and belongs to the tenant; empty otherwise. */
    public Mono<KnownInstance> ofTenant(UUID tenantId, UUID id) {
        return database.sql("SELECT id, tenant_id, name, engine FROM known_instances "
                        + "WHERE id = :id AND tenant_id = :tenant AND deleted_at IS NULL")
                .bind("id", id).bind("tenant", tenantId)
                .map((row, meta) -> new KnownInstance(row.get("id", UUID.class), row.get("tenant_id", UUID.class),
                        row.get("name", String.class), row.get("engine", String.class)))
                .one();
    }
}
