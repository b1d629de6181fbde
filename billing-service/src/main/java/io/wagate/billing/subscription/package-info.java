/**
 * Subscriptions: one per tenant, created on Basic when auth-service announces the tenant, changed by the tenant's
 * owner or by an operator. Every change bumps the version and publishes {@code SubscriptionChanged} through the
 * outbox on {@code platform.subscription.events}, keyed by tenant id, which is how instance-service and the gateway
 * learn the limits. Payment is out of scope; the status (ACTIVE, PAST_DUE, CANCELED) is set by operators.
 */
@NullMarked
package io.wagate.billing.subscription;

import org.jspecify.annotations.NullMarked;
