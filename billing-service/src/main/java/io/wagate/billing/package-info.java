/**
 * billing-service: the plan catalogue, each tenant's subscription, usage metering and daily message quotas.
 */
@NullMarked
package io.wagate.billing;

import org.jspecify.annotations.NullMarked;
