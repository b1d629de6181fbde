package io.wagate.gateway.plan;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The plan of tenants for which billing-service has not published a subscription yet (every new tenant starts on
 * Basic), and of every tenant while Redis cannot be read.
 *
 * @param defaultPlan plan name forwarded for such tenants
 * @param defaultRequestsPerMinute their API rate limit
 */
@Validated
@ConfigurationProperties("wagate.gateway.plans")
public record PlanProperties(
        @DefaultValue("basic") @NotBlank String defaultPlan,
        @DefaultValue("600") @Min(1) int defaultRequestsPerMinute) {

    public TenantPlan defaults() {
        return new TenantPlan(defaultPlan, defaultRequestsPerMinute);
    }
}
