package io.wagate.billing.subscription.internal;

import io.r2dbc.spi.Readable;
import io.wagate.billing.subscription.Subscription;
import io.wagate.contracts.platform.SubscriptionStatus;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The subscription table. */
@Repository
public class SubscriptionRows {

    private static final String COLUMNS = "tenant_id, plan, status, version, updated_at";

    private final DatabaseClient database;

    SubscriptionRows(DatabaseClient database) {
        this.database = database;
    }

    public Mono<Subscription> find(UUID tenantId) {
        return database.sql("SELECT " + COLUMNS + " FROM subscription WHERE tenant_id = :tenant")
                .bind("tenant", tenantId)
                .map(SubscriptionRows::subscription)
                .one();
    }

    /** Creates the row if missing (true when created). */
    public Mono<Boolean> insertIfAbsent(UUID tenantId, String plan, long version) {
        return database.sql("INSERT INTO subscription (tenant_id, plan, status, version) "
                        + "VALUES (:tenant, :plan, 'ACTIVE', :version) ON CONFLICT (tenant_id) DO NOTHING")
                .bind("tenant", tenantId)
                .bind("plan", plan)
                .bind("version", version)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }

    /** The row, locked until the transaction ends. */
    public Mono<Subscription> lock(UUID tenantId) {
        return database.sql("SELECT " + COLUMNS + " FROM subscription WHERE tenant_id = :tenant FOR UPDATE")
                .bind("tenant", tenantId)
                .map(SubscriptionRows::subscription)
                .one();
    }

    public Mono<Subscription> update(UUID tenantId, String plan, SubscriptionStatus status, long version) {
        return database.sql("UPDATE subscription SET plan = :plan, status = :status, version = :version, "
                        + "updated_at = now() WHERE tenant_id = :tenant RETURNING " + COLUMNS)
                .bind("tenant", tenantId)
                .bind("plan", plan)
                .bind("status", status.name())
                .bind("version", version)
                .map(SubscriptionRows::subscription)
                .one();
    }

    private static Subscription subscription(Readable row) {
        return new Subscription(row.get("tenant_id", UUID.class), row.get("plan", String.class),
                SubscriptionStatus.valueOf(row.get("status", String.class)), row.get("version", Long.class),
                row.get("updated_at", Instant.class));
    }
}
