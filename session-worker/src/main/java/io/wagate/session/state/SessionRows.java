package io.wagate.session.state;

import io.wagate.contracts.session.Engine;
import io.wagate.contracts.session.SessionReason;
import io.wagate.contracts.session.SessionStatus;
import io.r2dbc.spi.Readable;
import java.util.Collection;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads and writes the {@code sessions} table. Writes made for a live session carry its lease's fencing token
 * ({@code fence}) and change nothing when a newer token was seen; {@link #UNFENCED} is for writes of a session that
 * never held a lease (a command arriving at the partition's owner).
 */
@Component
public class SessionRows {

    /** A fence that every stored token passes. */
    public static final long UNFENCED = Long.MAX_VALUE;

    private static final String COLUMNS =
            "instance_id, tenant_id, instance_name, engine, desired_state, status, last_sequence";

    private final DatabaseClient database;

    SessionRows(DatabaseClient database) {
        this.database = database;
    }

    /**
     * Creates the session or updates its name and engine; either way its desired state becomes connected.
     * {@code partition} is the commands partition the instance's key lands on.
     */
    public Mono<SessionRow> upsertConnected(UUID instanceId, UUID tenantId, String name, Engine engine,
            int partition) {
        return database.sql("INSERT INTO sessions (instance_id, tenant_id, instance_name, engine, desired_state, "
                        + "partition) VALUES (:id, :tenant, :name, :engine, 'CONNECTED', :partition) "
                        + "ON CONFLICT (instance_id) DO UPDATE SET instance_name = EXCLUDED.instance_name, "
                        + "engine = EXCLUDED.engine, desired_state = 'CONNECTED', partition = EXCLUDED.partition, "
                        + "updated_at = now() RETURNING " + COLUMNS)
                .bind("id", instanceId)
                .bind("tenant", tenantId)
                .bind("name", name)
                .bind("engine", engine.wire())
                .bind("partition", partition)
                .map(SessionRows::row)
                .one();
    }

    public Mono<SessionRow> find(UUID instanceId) {
        return database.sql("SELECT " + COLUMNS + " FROM sessions WHERE instance_id = :id")
                .bind("id", instanceId)
                .map(SessionRows::row)
                .one();
    }

    /** The sessions on the given partitions whose owner wants them connected. */
    public Flux<SessionRow> desiredConnected(Collection<Integer> partitions) {
        return database.sql("SELECT " + COLUMNS + " FROM sessions WHERE desired_state = 'CONNECTED' "
                        + "AND partition = ANY(:partitions)")
                .bind("partitions", partitions.toArray(Integer[]::new))
                .map(SessionRows::row)
                .all();
    }

    /** Instances whose partition is not stored yet (written before the column existed, or reset on purpose). */
    public Flux<UUID> withoutPartition() {
        return database.sql("SELECT instance_id FROM sessions WHERE partition IS NULL")
                .map(row -> row.get(0, UUID.class))
                .all();
    }

    public Mono<Void> storePartition(UUID instanceId, int partition) {
        return database.sql("UPDATE sessions SET partition = :partition WHERE instance_id = :id")
                .bind("id", instanceId)
                .bind("partition", partition)
                .fetch().rowsUpdated()
                .then();
    }

    public Mono<Void> desire(UUID instanceId, DesiredState desired) {
        return desire(instanceId, desired, UNFENCED).then();
    }

    /** Sets the desired state unless a newer lease token was seen; emits whether it did. */
    public Mono<Boolean> desire(UUID instanceId, DesiredState desired, long fence) {
        return database.sql("UPDATE sessions SET desired_state = :desired, updated_at = now() "
                        + "WHERE instance_id = :id AND fence <= :fence")
                .bind("id", instanceId)
                .bind("desired", desired.name())
                .bind("fence", fence)
                .fetch().rowsUpdated()
                .map(updated -> updated > 0);
    }

    /** The highest lease token used for the instance so far (0 for none or no row). */
    public Mono<Long> fence(UUID instanceId) {
        return database.sql("SELECT fence FROM sessions WHERE instance_id = :id")
                .bind("id", instanceId)
                .map(row -> row.get(0, Long.class))
                .one()
                .defaultIfEmpty(0L);
    }

    /**
     * Records a newly acquired lease token; from now on writes with older tokens are refused. False when the row is
     * gone or a token at least as new was recorded already.
     */
    public Mono<Boolean> raiseFence(UUID instanceId, long token) {
        return database.sql("UPDATE sessions SET fence = :token WHERE instance_id = :id AND fence < :token")
                .bind("id", instanceId)
                .bind("token", token)
                .fetch().rowsUpdated()
                .map(updated -> updated > 0);
    }

    /**
     * Advances the instance's event sequence and, for a status event, records the status and reason in the same
     * statement. Committed before the event is published, so a crash can skip a sequence but never reuse one.
     * Empty when a lease token newer than {@code fence} was seen: the writer no longer owns the session.
     */
    public Mono<Long> nextSequence(UUID instanceId, @Nullable SessionStatus status, @Nullable SessionReason reason,
            long fence) {
        String sql = status == null
                ? "UPDATE sessions SET last_sequence = last_sequence + 1, updated_at = now() WHERE instance_id = :id "
                        + "AND fence <= :fence RETURNING last_sequence"
                : "UPDATE sessions SET last_sequence = last_sequence + 1, status = :status, reason = :reason, "
                        + "updated_at = now() WHERE instance_id = :id AND fence <= :fence RETURNING last_sequence";
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql).bind("id", instanceId).bind("fence", fence);
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
