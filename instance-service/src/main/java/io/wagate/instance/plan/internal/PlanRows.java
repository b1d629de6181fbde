package io.wagate.instance.plan.internal;

import io.wagate.contracts.platform.PlanLimits;
import io.wagate.contracts.platform.SubscriptionChanged;
import io.wagate.instance.plan.TenantPlan;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The tenant_plan table. */
@Repository
public class PlanRows {

    private final DatabaseClient database;

    PlanRows(DatabaseClient database) {
        this.database = database;
    }

    public Mono<TenantPlan> find(UUID tenantId) {
        return database.sql("SELECT plan, max_instances, requests_per_minute, daily_message_quota, version "
                        + "FROM tenant_plan WHERE tenant_id = :tenant")
                .bind("tenant", tenantId)
                .map(row -> new TenantPlan(row.get("plan", String.class),
                        new PlanLimits(row.get("max_instances", Integer.class),
                                row.get("requests_per_minute", Integer.class),
                                row.get("daily_message_quota", Integer.class)),
                        row.get("version", Long.class)))
                .one();
    }

    public Mono<Void> delete(UUID tenantId) {
        return database.sql("DELETE FROM tenant_plan WHERE tenant_id = :tenant").bind("tenant", tenantId).then();
    }

    /** Inserts or replaces the tenant's row only when the event's version is higher than the stored one. */
    public Mono<Boolean> upsertIfNewer(SubscriptionChanged change) {
        return database.sql("INSERT INTO tenant_plan (tenant_id, plan, status, max_instances, requests_per_minute, "
                        + "daily_message_quota, version) "
                        + "VALUES (:tenant, :plan, :status, :max, :rpm, :quota, :version) "
                        + "ON CONFLICT (tenant_id) DO UPDATE SET plan = EXCLUDED.plan, status = EXCLUDED.status, "
                        + "max_instances = EXCLUDED.max_instances, requests_per_minute = EXCLUDED.requests_per_minute, "
                        + "daily_message_quota = EXCLUDED.daily_message_quota, version = EXCLUDED.version, "
                        + "updated_at = now() "
                        + "WHERE tenant_plan.version < EXCLUDED.version")
                .bind("tenant", change.tenantId())
                .bind("plan", change.plan())
                .bind("status", change.status().name())
                .bind("max", change.limits().maxInstances())
                .bind("rpm", change.limits().requestsPerMinute())
                .bind("quota", change.limits().dailyMessageQuota())
                .bind("version", change.version())
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }
}
