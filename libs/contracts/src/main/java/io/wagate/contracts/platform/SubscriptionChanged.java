package io.wagate.contracts.platform;

import io.wagate.contracts.EventData;
import io.wagate.contracts.EventType;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's subscription was created or changed. {@code version} increases with every change of the tenant's
 * subscription so that projections keep only the newest.
 */
@EventType("io.wagate.subscription.changed.v1")
public record SubscriptionChanged(UUID tenantId, long version, String plan, @Nullable String previousPlan,
        SubscriptionStatus status, PlanLimits limits, Instant effectiveAt) implements EventData {
}
