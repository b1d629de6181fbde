package io.wagate.billing.usage;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer of {@code GET /api/billing/usage}.
 *
 * @param from first day (UTC), inclusive
 * @param to last day (UTC), inclusive
 * @param dailyMessageQuota the current plan's quota
 * @param sent sent messages in the range
 * @param received received messages in the range
 * @param days the days that had traffic, oldest first
 */
public record UsageReport(LocalDate from, LocalDate to, long dailyMessageQuota, long sent, long received,
        List<DailyUsage> days) {
}
