package io.wagate.contracts.platform;

/** State of a tenant's subscription. Payment is out of scope; the status still gates the plan. */
public enum SubscriptionStatus {
    ACTIVE, PAST_DUE, CANCELED
}
