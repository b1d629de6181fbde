package io.wagate.billing.subscription;

import io.wagate.contracts.platform.SubscriptionStatus;
import java.time.Instant;
import java.util.UUID;

/** A tenant's subscription as stored; version 0 means the default plan, not yet announced. */
public record Subscription(UUID tenantId, String plan, SubscriptionStatus status, long version, Instant updatedAt) {
}
