/**
 * Instances: a tenant's slots for linked WhatsApp numbers, named by a slug unique within the tenant. Creation is
 * checked against the plan's instance limit under a per-tenant row lock; every change publishes its platform event
 * through the outbox. {@link io.wagate.instance.instance.Instances} is how the other features find an instance for
 * a caller, with tenant confinement and the access rules in one place.
 */
@NullMarked
package io.wagate.instance.instance;

import org.jspecify.annotations.NullMarked;
