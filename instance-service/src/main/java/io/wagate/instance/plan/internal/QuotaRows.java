package io.wagate.instance.plan.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The quota_block table: tenants whose daily message quota is used up, until the period resets. */
@Repository
public class QuotaRows {

    private final DatabaseClient database;

    QuotaRows(DatabaseClient database) {
        this.database = database;
    }

    /** Blocks the tenant until {@code resetsAt}; an older day never replaces a newer one. */
    public Mono<Void> block(UUID tenantId, LocalDate day, Instant resetsAt) {
        return database.sql("INSERT INTO quota_block (tenant_id, day, resets_at) VALUES (:tenant, :day, :resets) "
                        + "ON CONFLICT (tenant_id) DO UPDATE SET day = EXCLUDED.day, resets_at = EXCLUDED.resets_at "
                        + "WHERE quota_block.day <= EXCLUDED.day")
                .bind("tenant", tenantId)
                .bind("day", day)
                .bind("resets", resetsAt)
                .then();
    }

    /** Lifts the block of that day (a newer day's block stays). */
    public Mono<Void> restore(UUID tenantId, LocalDate day) {
        return database.sql("DELETE FROM quota_block WHERE tenant_id = :tenant AND day <= :day")
                .bind("tenant", tenantId)
                .bind("day", day)
                .then();
    }

    public Mono<Void> delete(UUID tenantId) {
        return database.sql("DELETE FROM quota_block WHERE tenant_id = :tenant").bind("tenant", tenantId).then();
    }

    /** When the tenant's block ends, if it is blocked now. */
    public Mono<Instant> blockedUntil(UUID tenantId, Instant now) {
        return database.sql("SELECT resets_at FROM quota_block WHERE tenant_id = :tenant AND resets_at > :now")
                .bind("tenant", tenantId)
                .bind("now", now)
                .map(row -> row.get("resets_at", Instant.class))
                .one();
    }
}
