package io.wagate.billing.usage;

import io.wagate.billing.access.BillingAccess;
import io.wagate.billing.subscription.SubscriptionService;
import io.wagate.billing.usage.internal.UsageRows;
import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.web.ApiProblem;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/billing/usage?from=&to=}: the tenant's messages per day (default: the last 30 days). */
@RestController
class UsageController {

    private static final long MAX_DAYS = 366;

    private final UsageRows rows;
    private final SubscriptionService subscriptions;

    UsageController(UsageRows rows, SubscriptionService subscriptions) {
        this.rows = rows;
        this.subscriptions = subscriptions;
    }

    @GetMapping("/api/billing/usage")
    Mono<UsageReport> usage(InternalIdentity identity, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        BillingAccess.requireMember(identity);
        LocalDate last = to == null ? LocalDate.now(ZoneOffset.UTC) : day("to", to);
        LocalDate first = from == null ? last.minusDays(29) : day("from", from);
        if (first.isAfter(last) || ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw ApiProblem.invalid("from must not be after to, and the range is at most " + MAX_DAYS + " days");
        }
        return rows.between(identity.tenantId(), first, last).collectList()
                .zipWith(subscriptions.current(identity.tenantId()))
                .map(result -> new UsageReport(first, last,
                        subscriptions.planOf(result.getT2()).limits().dailyMessageQuota(),
                        result.getT1().stream().mapToLong(DailyUsage::sent).sum(),
                        result.getT1().stream().mapToLong(DailyUsage::received).sum(), result.getT1()));
    }

    private static LocalDate day(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(name + " must be a date like 2026-11-21");
        }
    }
}
