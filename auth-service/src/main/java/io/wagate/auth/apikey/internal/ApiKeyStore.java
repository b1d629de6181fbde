package io.wagate.auth.apikey.internal;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The api_keys table. Every tenant-facing query is confined to the caller's tenant in SQL. */
@Component
public class ApiKeyStore {

    private static final String COLUMNS = "id, tenant_id, instance_id, name, prefix, environment, secret_hash, scopes, "
            + "created_at, expires_at, revoked_at, revoke_reason, retire_at, replaces_key_id, last_used_at";

    private final DatabaseClient database;

    ApiKeyStore(DatabaseClient database) {
        this.database = database;
    }

    public Mono<Void> insert(UUID id, UUID tenantId, UUID instanceId, String name, KeyFormat.NewKey key,
            byte[] secretHash, List<String> scopes, String createdBy, @Nullable Instant expiresAt,
            @Nullable UUID replaces) {
        DatabaseClient.GenericExecuteSpec spec = database.sql("INSERT INTO api_keys (id, tenant_id, instance_id, name, "
                        + "prefix, environment, secret_hash, scopes, created_by, expires_at, replaces_key_id) VALUES "
                        + "(:id, :tenant, :instance, :name, :prefix, :env, :hash, :scopes, :by, :expires, :replaces)")
                .bind("id", id).bind("tenant", tenantId).bind("instance", instanceId).bind("name", name)
                .bind("prefix", key.prefix()).bind("env", key.environment()).bind("hash", secretHash)
                .bind("scopes", scopes.toArray(String[]::new)).bind("by", createdBy);
        spec = expiresAt == null ? spec.bindNull("expires", OffsetDateTime.class)
                : spec.bind("expires", expiresAt.atOffset(ZoneOffset.UTC));
        spec = replaces == null ? spec.bindNull("replaces", UUID.class) : spec.bind("replaces", replaces);
        return spec.then();
    }

    public Mono<ApiKeyRow> byPrefix(String prefix) {
        return database.sql("SELECT " + COLUMNS + " FROM api_keys WHERE prefix = :prefix").bind("prefix", prefix)
                .map((row, meta) -> read(row)).one();
    }

    public Mono<ApiKeyRow> inTenant(UUID tenantId, UUID id) {
        return database.sql("SELECT " + COLUMNS + " FROM api_keys WHERE id = :id AND tenant_id = :tenant")
                .bind("id", id).bind("tenant", tenantId).map((row, meta) -> read(row)).one();
    }

    /** Like {@link #inTenant} and locks the row for the current transaction. */
    public Mono<ApiKeyRow> lockInTenant(UUID tenantId, UUID id) {
        return database.sql("SELECT " + COLUMNS + " FROM api_keys WHERE id = :id AND tenant_id = :tenant FOR UPDATE")
                .bind("id", id).bind("tenant", tenantId).map((row, meta) -> read(row)).one();
    }

    public Flux<ApiKeyRow> ofTenant(UUID tenantId, @Nullable UUID instanceId) {
        String sql = "SELECT " + COLUMNS + " FROM api_keys WHERE tenant_id = :tenant"
                + (instanceId == null ? "" : " AND instance_id = :instance") + " ORDER BY created_at DESC, id";
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql).bind("tenant", tenantId);
        if (instanceId != null) {
            spec = spec.bind("instance", instanceId);
        }
        return spec.map((row, meta) -> read(row)).all();
    }

    /** Revokes if still unrevoked; answers the row as it was when this call revoked it. */
    public Mono<ApiKeyRow> revoke(UUID id, String reason) {
        return database.sql("UPDATE api_keys SET revoked_at = now(), revoke_reason = :reason "
                        + "WHERE id = :id AND revoked_at IS NULL RETURNING " + COLUMNS)
                .bind("id", id).bind("reason", reason).map((row, meta) -> read(row)).one();
    }

    public Mono<Void> retireAt(UUID id, Instant at) {
        return database.sql("UPDATE api_keys SET retire_at = :at WHERE id = :id")
                .bind("id", id).bind("at", at.atOffset(ZoneOffset.UTC)).then();
    }

    /** Revokes keys whose rotation overlap has ended (each row once, even with several replicas). */
    public Flux<ApiKeyRow> revokeRetired() {
        return database.sql("UPDATE api_keys SET revoked_at = retire_at, revoke_reason = 'rotated' "
                        + "WHERE revoked_at IS NULL AND retire_at <= now() RETURNING " + COLUMNS)
                .map((row, meta) -> read(row)).all();
    }

    public Flux<ApiKeyRow> revokeForInstance(UUID instanceId, String reason) {
        return database.sql("UPDATE api_keys SET revoked_at = now(), revoke_reason = :reason "
                        + "WHERE instance_id = :instance AND revoked_at IS NULL RETURNING " + COLUMNS)
                .bind("instance", instanceId).bind("reason", reason).map((row, meta) -> read(row)).all();
    }

    /**
     * Moves last_used_at forward; answers the tenant when this was the key's first recorded use. The row lock keeps
     * two replicas from both seeing "never used".
     */
    public Mono<UUID> touch(UUID id, Instant usedAt) {
        return database.sql("WITH previous AS (SELECT id, tenant_id, last_used_at FROM api_keys WHERE id = :id FOR UPDATE) "
                        + "UPDATE api_keys k SET last_used_at = GREATEST(COALESCE(p.last_used_at, :at), :at) "
                        + "FROM previous p WHERE k.id = p.id RETURNING p.tenant_id, p.last_used_at IS NULL AS first")
                .bind("id", id).bind("at", usedAt.atOffset(ZoneOffset.UTC))
                .map((row, meta) -> Boolean.TRUE.equals(row.get("first", Boolean.class))
                        ? row.get("tenant_id", UUID.class) : new UUID(0, 0))
                .one()
                .filter(tenant -> tenant.getMostSignificantBits() != 0 || tenant.getLeastSignificantBits() != 0);
    }

    private static ApiKeyRow read(Readable row) {
        String[] scopes = row.get("scopes", String[].class);
        return new ApiKeyRow(row.get("id", UUID.class), row.get("tenant_id", UUID.class),
                row.get("instance_id", UUID.class), row.get("name", String.class), row.get("prefix", String.class),
                row.get("environment", String.class), row.get("secret_hash", byte[].class),
                scopes == null ? List.of() : Arrays.asList(scopes), row.get("created_at", OffsetDateTime.class).toInstant(),
                instant(row.get("expires_at", OffsetDateTime.class)), instant(row.get("revoked_at", OffsetDateTime.class)),
                row.get("revoke_reason", String.class), instant(row.get("retire_at", OffsetDateTime.class)),
                row.get("replaces_key_id", UUID.class), instant(row.get("last_used_at", OffsetDateTime.class)));
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
