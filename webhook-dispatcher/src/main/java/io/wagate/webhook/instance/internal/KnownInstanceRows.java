package io.wagate.webhook.instance.internal;

import io.wagate.webhook.instance.KnownInstance;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The known_instance table. */
@Repository
public class KnownInstanceRows {

    private final DatabaseClient database;

    KnownInstanceRows(DatabaseClient database) {
        this.database = database;
    }

    public Mono<Void> upsert(KnownInstance instance) {
        return database.sql("INSERT INTO known_instance (id, tenant_id, name) VALUES (:id, :tenant, :name) "
                        + "ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, updated_at = now()")
                .bind("id", instance.id())
                .bind("tenant", instance.tenantId())
                .bind("name", instance.name())
                .then();
    }

    public Mono<Void> delete(UUID id) {
        return database.sql("DELETE FROM known_instance WHERE id = :id").bind("id", id).then();
    }

    public Mono<Void> deleteTenant(UUID tenantId) {
        return database.sql("DELETE FROM known_instance WHERE tenant_id = :tenant").bind("tenant", tenantId).then();
    }

    public Mono<KnownInstance> byName(UUID tenantId, String name) {
        return database.sql("SELECT id, tenant_id, name FROM known_instance WHERE tenant_id = :tenant AND name = :name")
                .bind("tenant", tenantId)
                .bind("name", name)
                .map(row -> new KnownInstance(row.get("id", UUID.class), row.get("tenant_id", UUID.class),
                        row.get("name", String.class)))
                .one();
    }

    public Mono<KnownInstance> byId(UUID id) {
        return database.sql("SELECT id, tenant_id, name FROM known_instance WHERE id = :id")
                .bind("id", id)
                .map(row -> new KnownInstance(row.get("id", UUID.class), row.get("tenant_id", UUID.class),
                        row.get("name", String.class)))
                .one();
    }
}
