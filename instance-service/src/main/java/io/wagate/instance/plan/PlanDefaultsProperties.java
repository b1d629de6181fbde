package io.wagate.instance.plan;

import io.wagate.contracts.platform.PlanLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The plan of a tenant for which no subscription event has arrived yet (billing creates Basic for every new tenant;
 * its event may simply not be here yet).
 *
 * @param name plan name
 * @param maxInstances instances such a tenant may have
 * @param requestsPerMinute its API rate limit (informational here; the gateway enforces it)
 * @param dailyMessageQuota its daily message quota (informational here; billing meters it)
 */
@ConfigurationProperties("wagate.instances.default-plan")
public record PlanDefaultsProperties(
        @DefaultValue("basic") String name,
        @DefaultValue("5") int maxInstances,
        @DefaultValue("600") int requestsPerMinute,
        @DefaultValue("1000") int dailyMessageQuota) {

    public TenantPlan asTenantPlan() {
        return new TenantPlan(name, new PlanLimits(maxInstances, requestsPerMinute, dailyMessageQuota), 0);
    }
}
