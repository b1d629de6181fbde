package io.wagate.instance.plan;

import io.wagate.contracts.platform.PlanLimits;

/**
 * A tenant's plan as projected here.
 *
 * @param plan plan name
 * @param limits what it allows
 * @param version the subscription version it came from; 0 for the configured default
 */
public record TenantPlan(String plan, PlanLimits limits, long version) {
}
