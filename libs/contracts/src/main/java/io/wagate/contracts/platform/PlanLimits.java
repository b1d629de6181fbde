package io.wagate.contracts.platform;

/**
 * What a plan allows: linked instances, API requests per minute (per tenant) and messages per day.
 */
public record PlanLimits(int maxInstances, int requestsPerMinute, int dailyMessageQuota) {

    public PlanLimits {
        if (maxInstances < 0 || requestsPerMinute < 1 || dailyMessageQuota < 0) {
            throw new IllegalArgumentException("Plan limits must be positive: " + maxInstances + "/"
                    + requestsPerMinute + "/" + dailyMessageQuota);
        }
    }
}
