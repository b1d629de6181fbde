package io.wagate.billing.subscription;

import io.wagate.billing.plan.Plan;
import io.wagate.contracts.platform.PlanLimits;
import io.wagate.contracts.platform.SubscriptionStatus;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A subscription as the API shows it, with the plan's limits. */
public record SubscriptionView(UUID tenantId, String plan, String planName, SubscriptionStatus status, long version,
        PlanLimits limits, @Nullable Instant updatedAt) {

    static SubscriptionView of(Subscription subscription, Plan plan) {
        return new SubscriptionView(subscription.tenantId(), plan.id(), plan.name(), subscription.status(),
                subscription.version(), plan.limits(), subscription.version() == 0 ? null : subscription.updatedAt());
    }
}
