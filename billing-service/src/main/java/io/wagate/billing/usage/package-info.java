/**
 * Usage metering and the daily message quota: message events on {@code wa.message.events} are counted per tenant and
 * UTC day (an outbound message counts once it is SENT; inbound messages separately). When a day's sent count reaches
 * the plan's quota, {@code MessageQuotaExceeded} is published once for that tenant and day; a plan change that lifts
 * the quota above the day's count publishes {@code MessageQuotaRestored}. {@code GET /api/billing/usage} reports it.
 */
@NullMarked
package io.wagate.billing.usage;

import org.jspecify.annotations.NullMarked;
