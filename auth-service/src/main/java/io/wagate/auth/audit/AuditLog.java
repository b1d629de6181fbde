package io.wagate.auth.audit;

import io.r2dbc.postgresql.codec.Json;
import io.wagate.auth.shared.Ids;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Appends audit entries; inside a caller's transaction the entry commits (or rolls back) with the change. */
@Component
public class AuditLog {

    private final DatabaseClient database;
    private final JsonMapper json;

    AuditLog(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    public Mono<Void> record(AuditEntry entry) {
        DatabaseClient.GenericExecuteSpec insert = database.sql("INSERT INTO audit_log "
                        + "(id, tenant_id, actor, type, ip, details) VALUES (:id, :tenant, :actor, :type, :ip, :details)")
                .bind("id", Ids.newId())
                .bind("actor", entry.actor())
                .bind("type", entry.type().wire())
                .bind("details", Json.of(json.writeValueAsString(entry.details())));
        insert = entry.tenantId() == null ? insert.bindNull("tenant", UUID.class) : insert.bind("tenant", entry.tenantId());
        insert = entry.ip() == null ? insert.bindNull("ip", String.class) : insert.bind("ip", entry.ip());
        return insert.then();
    }
}
