package io.wagate.auth.audit.internal;

import io.r2dbc.postgresql.codec.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Pages one tenant's audit entries newest first; the cursor is the last id of the previous page (ids are UUIDv7). */
@Component
public class AuditQuery {

    private final DatabaseClient database;
    private final JsonMapper json;

    AuditQuery(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    /** The filter of one page. */
    public record Filter(UUID tenantId, @Nullable Instant from, @Nullable Instant to, @Nullable String type,
            int limit, @Nullable UUID before) {
    }

    /** One entry as the API shows it. */
    public record Entry(UUID id, String type, String actor, Instant occurredAt, @Nullable String ip,
            Map<String, Object> details) {
    }

    public Mono<List<Entry>> page(Filter filter) {
        StringBuilder sql = new StringBuilder("SELECT id, type, actor, occurred_at, ip, details FROM audit_log "
                + "WHERE tenant_id = :tenant");
        if (filter.from() != null) {
            sql.append(" AND occurred_at >= :from");
        }
        if (filter.to() != null) {
            sql.append(" AND occurred_at < :to");
        }
        if (filter.type() != null) {
            sql.append(" AND type = :type");
        }
        if (filter.before() != null) {
            sql.append(" AND id < :before");
        }
        sql.append(" ORDER BY id DESC LIMIT :limit");
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql.toString())
                .bind("tenant", filter.tenantId()).bind("limit", filter.limit());
        if (filter.from() != null) {
            spec = spec.bind("from", filter.from().atOffset(java.time.ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            spec = spec.bind("to", filter.to().atOffset(java.time.ZoneOffset.UTC));
        }
        if (filter.type() != null) {
            spec = spec.bind("type", filter.type());
        }
        if (filter.before() != null) {
            spec = spec.bind("before", filter.before());
        }
        return spec.map((row, meta) -> new Entry(row.get("id", UUID.class), row.get("type", String.class),
                        row.get("actor", String.class), row.get("occurred_at", OffsetDateTime.class).toInstant(),
                        row.get("ip", String.class), details(row.get("details", Json.class))))
                .all().collectList().map(ArrayList::new);
    }

    private Map<String, Object> details(@Nullable Json value) {
        return value == null ? Map.of() : json.readValue(value.asString(), new TypeReference<Map<String, Object>>() { });
    }
}
