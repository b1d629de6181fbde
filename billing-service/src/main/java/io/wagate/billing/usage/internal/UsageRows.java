package io.wagate.billing.usage.internal;

import io.wagate.billing.usage.DailyUsage;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The daily_usage table. */
@Repository
public class UsageRows {

    private final DatabaseClient database;

    UsageRows(DatabaseClient database) {
        this.database = database;
    }

    /** Counts one sent message and returns the day's sent total. */
    public Mono<Long> countSent(UUID tenantId, LocalDate day) {
        return database.sql("INSERT INTO daily_usage (tenant_id, day, sent) VALUES (:tenant, :day, 1) "
                        + "ON CONFLICT (tenant_id, day) DO UPDATE SET sent = daily_usage.sent + 1 RETURNING sent")
                .bind("tenant", tenantId)
                .bind("day", day)
                .map(row -> row.get("sent", Long.class))
                .one();
    }

    public Mono<Void> countReceived(UUID tenantId, LocalDate day) {
        return database.sql("INSERT INTO daily_usage (tenant_id, day, received) VALUES (:tenant, :day, 1) "
                        + "ON CONFLICT (tenant_id, day) DO UPDATE SET received = daily_usage.received + 1")
                .bind("tenant", tenantId)
                .bind("day", day)
                .then();
    }

    /** Flags the day as over quota; true only for the first caller, which is the one that publishes. */
    public Mono<Boolean> flagExceeded(UUID tenantId, LocalDate day) {
        return database.sql("UPDATE daily_usage SET quota_exceeded_at = now() "
                        + "WHERE tenant_id = :tenant AND day = :day AND quota_exceeded_at IS NULL")
                .bind("tenant", tenantId)
                .bind("day", day)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }

    /** Clears the day's flag when the new quota is above its count; true when it was cleared. */
    public Mono<Boolean> clearExceededBelow(UUID tenantId, LocalDate day, long quota) {
        return database.sql("UPDATE daily_usage SET quota_exceeded_at = NULL WHERE tenant_id = :tenant AND day = :day "
                        + "AND quota_exceeded_at IS NOT NULL AND sent < :quota")
                .bind("tenant", tenantId)
                .bind("day", day)
                .bind("quota", quota)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }

    public Flux<DailyUsage> between(UUID tenantId, LocalDate from, LocalDate to) {
        return database.sql("SELECT day, sent, received, quota_exceeded_at IS NOT NULL AS exceeded FROM daily_usage "
                        + "WHERE tenant_id = :tenant AND day BETWEEN :from AND :to ORDER BY day")
                .bind("tenant", tenantId)
                .bind("from", from)
                .bind("to", to)
                .map(row -> new DailyUsage(row.get("day", LocalDate.class), row.get("sent", Long.class),
                        row.get("received", Long.class), Boolean.TRUE.equals(row.get("exceeded", Boolean.class))))
                .all();
    }
}
