package io.wagate.session.state;

import io.wagate.contracts.session.Engine;
import io.wagate.contracts.session.SessionReason;
import io.wagate.contracts.session.SessionStatus;
import io.r2dbc.spi.Readable;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and writes the {@code sessions} table. */
@Component
public class SessionRows {

    private static final String COLUMNS =
            "instance_id, tenant_id, instance_name, engine, desired_state, status, last_sequence";

    private final DatabaseClient database;

    SessionRows(DatabaseClient database) {
        this.database = database;
    }

    /** Creates the session or updates its name and engine; either way its desired state becomes connected. */
    public Mono<SessionRow> upsertConnected(UUID instanceId, UUID tenantId, String name, Engine engine) {
        return database.sql("INSERT INTO sessions (instance_id, tenant_id, instance_name, engine, desired_state) "
                        + "VALUES (:id, :tenant, :name, :engine, 'CONNECTED') ON CONFLICT (instance_id) DO UPDATE SET "
                        + "instance_name = EXCLUDED.instance_name, engine = EXCLUDED.engine, "
                        + "desired_state = 'CONNECTED', updated_at = now() RETURNING " + COLUMNS)
                .bind("id", instanceId)
                .bind("tenant", tenantId)
                .bind("name", name)
                .bind("engine", engine.wire())
                .map(SessionRows::row)
                .one();
    }

    public Mono<SessionRow> find(UUID instanceId) {
        return database.sql("SELECT " + COLUMNS + " FROM sessions WHERE instance_id = :id")
                .bind("id", instanceId)
                .map(SessionRows::row)
                .one();
    }

    /** Every session whose owner wants it connected; the caller keeps those on its partitions. */
    public Flux<SessionRow> desiredConnected() {
        return database.sql("SELECT " + COLUMNS + " FROM sessions WHERE desired_state = 'CONNECTED'")
                .map(SessionRows::row)
                .all();
    }

    public Mono<Void> desire(UUID instanceId, DesiredState desired) {
        return database.sql("UPDATE sessions SET desired_state = :desired, updated_at = now() WHERE instance_id = :id")
                .bind("id", instanceId)
                .bind("desired", desired.name())
                .fetch().rowsUpdated()
                .then();
    }

    /**
     * Advances the instance's event sequence and, for a status event, records the status and reason in the same
     * statement. Committed before the event is published, so a crash can skip a sequence but never reuse one.
     */
    public Mono<Long> nextSequence(UUID instanceId, @Nullable SessionStatus status, @Nullable SessionReason reason) {
        String sql = status == null
                ? "UPDATE sessions SET last_sequence = last_sequence + 1, updated_at = now() WHERE instance_id = :id "
                        + "RETURNING last_sequence"
                : "UPDATE sessions SET last_sequence = last_sequence + 1, status = :status, reason = :reason, "
                        + "updated_at = now() WHERE instance_id = :id RETURNING last_sequence";
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql).bind("id", instanceId);
        if (status != null) {
            spec = spec.bind("status", status.name()).bind("reason", reason == null ? "unknown" : reason.wire());
        }
        return spec.map(row -> row.get(0, Long.class)).one();
    }

    public Mono<Void> delete(UUID instanceId) {
        return database.sql("DELETE FROM sessions WHERE instance_id = :id").bind("id", instanceId)
                .fetch().rowsUpdated().then();
    }

    private static SessionRow row(Readable row) {
        return new SessionRow(row.get("instance_id", UUID.class), row.get("tenant_id", UUID.class),
                row.get("instance_name", String.class), Engine.fromWire(row.get("engine", String.class)),
                DesiredState.valueOf(row.get("desired_state", String.class)),
                SessionStatus.valueOf(row.get("status", String.class)), row.get("last_sequence", Long.class));
    }
}
