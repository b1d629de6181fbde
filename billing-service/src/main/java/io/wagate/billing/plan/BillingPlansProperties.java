package io.wagate.billing.plan;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The plan catalogue. A map keyed by plan id, so that a deployment can change one limit of one plan with a single
 * property ({@code wagate.billing.plans.pro.daily-message-quota=50000}).
 *
 * @param defaultPlan the plan every new tenant starts on
 * @param plans the plans by id
 */
@ConfigurationProperties("wagate.billing")
public record BillingPlansProperties(@DefaultValue("basic") String defaultPlan, Map<String, PlanDefinition> plans) {

    /**
     * One plan.
     *
     * @param name display name
     * @param maxInstances instances a tenant may have
     * @param requestsPerMinute API requests per minute per tenant (the gateway enforces it)
     * @param dailyMessageQuota messages a tenant may send per UTC day
     */
    public record PlanDefinition(String name, int maxInstances, int requestsPerMinute, int dailyMessageQuota) {
    }
}
