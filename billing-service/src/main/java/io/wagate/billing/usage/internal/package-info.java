/** SQL of the daily_usage table: counting upserts and the once-per-day quota flag. */
@NullMarked
package io.wagate.billing.usage.internal;

import org.jspecify.annotations.NullMarked;
