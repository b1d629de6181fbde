package io.wagate.billing.subscription;

import io.wagate.contracts.platform.SubscriptionStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Request bodies of the subscription endpoints. */
public final class SubscriptionRequests {

    private SubscriptionRequests() {
    }

    /**
     * {@code PUT /api/billing/subscription} (tenant owner).
     *
     * @param plan the plan id
     */
    public record ChangePlan(@NotBlank @Size(max = 40) @Nullable String plan) {
    }

    /**
     * {@code PUT /api/billing/operator/tenants/{tenantId}/subscription} (operator).
     *
     * @param plan the plan id
     * @param status the subscription status; unchanged when absent
     */
    public record OperatorChange(@NotBlank @Size(max = 40) @Nullable String plan, @Nullable SubscriptionStatus status) {
    }
}
