/**
 * Tenant plans: the projection of billing-service's subscription events into Redis, the default plan of tenants
 * billing has not published yet, and {@link io.wagate.gateway.plan.TenantPlan}, which the rate limiter attaches to
 * each request for the internal token.
 */
@NullMarked
package io.wagate.gateway.plan;

import org.jspecify.annotations.NullMarked;
