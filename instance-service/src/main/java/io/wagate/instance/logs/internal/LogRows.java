package io.wagate.instance.logs.internal;

import io.wagate.contracts.session.LogLevel;
import io.wagate.instance.logs.LogLine;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The connection_log table. */
@Repository
public class LogRows {

    private final DatabaseClient database;

    LogRows(DatabaseClient database) {
        this.database = database;
    }

    /** Stores the line if the instance exists in that tenant and the sequence is new; true when stored. */
    public Mono<Boolean> insert(UUID tenantId, UUID instanceId, long sequence, LogLevel level, String message,
            Instant at) {
        return database.sql("INSERT INTO connection_log (instance_id, sequence, level, level_rank, message, logged_at) "
                        + "SELECT id, :sequence, :level, :rank, :message, :at FROM instance "
                        + "WHERE id = :instance AND tenant_id = :tenant "
                        + "ON CONFLICT (instance_id, sequence) DO NOTHING")
                .bind("sequence", sequence)
                .bind("level", level.name())
                .bind("rank", (short) level.ordinal())
                .bind("message", message)
                .bind("at", at)
                .bind("instance", instanceId)
                .bind("tenant", tenantId)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }

    /** Newest first, at or above the level, within the optional time range. */
    public Flux<LogLine> find(UUID instanceId, LogLevel minimum, @Nullable Instant from, @Nullable Instant to,
            int limit) {
        var spec = database.sql("SELECT sequence, level, message, logged_at FROM connection_log "
                        + "WHERE instance_id = :instance AND level_rank >= :rank"
                        + (from == null ? "" : " AND logged_at >= :from")
                        + (to == null ? "" : " AND logged_at < :to")
                        + " ORDER BY logged_at DESC, sequence DESC LIMIT :limit")
                .bind("instance", instanceId)
                .bind("rank", (short) minimum.ordinal())
                .bind("limit", limit);
        if (from != null) {
            spec = spec.bind("from", from);
        }
        if (to != null) {
            spec = spec.bind("to", to);
        }
        return spec.map(row -> new LogLine(row.get("sequence", Long.class),
                        LogLevel.valueOf(row.get("level", String.class)), row.get("message", String.class),
                        row.get("logged_at", Instant.class)))
                .all();
    }

    public Mono<Long> deleteOlderThan(Instant cutoff) {
        return database.sql("DELETE FROM connection_log WHERE logged_at < :cutoff")
                .bind("cutoff", cutoff)
                .fetch()
                .rowsUpdated();
    }

    /** Keeps the newest {@code keep} lines of each instance. */
    public Mono<Long> trimPerInstance(int keep) {
        return database.sql("DELETE FROM connection_log WHERE id IN (SELECT id FROM (SELECT id, row_number() OVER "
                        + "(PARTITION BY instance_id ORDER BY sequence DESC) AS position FROM connection_log) ranked "
                        + "WHERE position > :keep)")
                .bind("keep", keep)
                .fetch()
                .rowsUpdated();
    }
}
