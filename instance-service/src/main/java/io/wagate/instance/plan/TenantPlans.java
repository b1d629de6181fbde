package io.wagate.instance.plan;

import io.wagate.contracts.platform.SubscriptionChanged;
import io.wagate.instance.plan.internal.PlanRows;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The projected plan of each tenant, with the configured default for tenants billing has not reported yet. */
@Component
public class TenantPlans {

    private final PlanRows rows;
    private final PlanDefaultsProperties defaults;

    TenantPlans(PlanRows rows, PlanDefaultsProperties defaults) {
        this.rows = rows;
        this.defaults = defaults;
    }

    public Mono<TenantPlan> of(UUID tenantId) {
        return rows.find(tenantId).defaultIfEmpty(defaults.asTenantPlan());
    }

    /** Drops the projection of a closed tenant. */
    public Mono<Void> forget(UUID tenantId) {
        return rows.delete(tenantId);
    }

    /** Applies a subscription change unless a newer version is already projected; true when it was applied. */
    Mono<Boolean> apply(SubscriptionChanged change) {
        return rows.upsertIfNewer(change);
    }
}
