package io.wagate.billing.plan;

import io.wagate.contracts.platform.PlanLimits;

/** A plan of the catalogue as the API shows it. */
public record Plan(String id, String name, PlanLimits limits) {
}
