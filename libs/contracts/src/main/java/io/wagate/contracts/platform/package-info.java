/**
 * Platform events: tenants (from auth-service), API keys (from auth-service), subscriptions and quotas (from
 * billing-service) and instances (from instance-service). All are published through a transactional outbox.
 */
@NullMarked
package io.wagate.contracts.platform;

import org.jspecify.annotations.NullMarked;
