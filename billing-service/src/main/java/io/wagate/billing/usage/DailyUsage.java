package io.wagate.billing.usage;

import java.time.LocalDate;

/** One tenant's messages of one UTC day. */
public record DailyUsage(LocalDate day, long sent, long received, boolean quotaExceeded) {
}
