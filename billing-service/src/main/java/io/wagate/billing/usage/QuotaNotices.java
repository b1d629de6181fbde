package io.wagate.billing.usage;

import io.wagate.billing.usage.internal.UsageRows;
import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.EventData;
import io.wagate.contracts.Topics;
import io.wagate.contracts.platform.MessageQuotaExceeded;
import io.wagate.contracts.platform.MessageQuotaRestored;
import io.wagate.support.outbox.Outbox;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Publishes quota exceeded and restored events through the outbox, each at most once per tenant and day. */
@Component
public class QuotaNotices {

    private static final String SOURCE = "/billing-service";

    private final UsageRows rows;
    private final Outbox outbox;

    QuotaNotices(UsageRows rows, Outbox outbox) {
        this.rows = rows;
        this.outbox = outbox;
    }

    /** Publishes MessageQuotaExceeded the first time the day's sent count reaches the quota. */
    Mono<Void> exceededIfReached(UUID tenantId, LocalDate day, long sent, long quota) {
        if (sent < quota) {
            return Mono.empty();
        }
        return rows.flagExceeded(tenantId, day)
                .flatMap(first -> first ? publish(tenantId, new MessageQuotaExceeded(tenantId, day, quota, sent,
                        day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))) : Mono.empty());
    }

    /** After a plan change: publishes MessageQuotaRestored when today was over quota and the new quota is above. */
    public Mono<Void> restoreIfRaised(UUID tenantId, long quota) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return rows.clearExceededBelow(tenantId, today, quota)
                .flatMap(cleared -> cleared ? publish(tenantId, new MessageQuotaRestored(tenantId, today))
                        : Mono.empty());
    }

    private Mono<Void> publish(UUID tenantId, EventData data) {
        return outbox.append(Topics.SUBSCRIPTION_EVENTS, tenantId.toString(),
                CloudEvent.create(SOURCE, tenantId.toString(), null, null, data));
    }
}
