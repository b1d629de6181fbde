package io.wagate.billing.usage;

import io.wagate.billing.subscription.SubscriptionService;
import io.wagate.billing.usage.internal.UsageRows;
import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.Topics;
import io.wagate.contracts.message.MessageReceived;
import io.wagate.contracts.message.MessageStatus;
import io.wagate.contracts.message.MessageStatusChanged;
import io.wagate.support.kafka.EventInbox;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Meters message events per tenant and UTC day of the event. An outbound message counts when it becomes SENT (the
 * moment it left for WhatsApp), not when queued, so failed sends do not use the quota.
 */
@Component
class UsageMeter {

    static final String CONSUMER = "billing-service.usage";

    private final EventInbox inbox;
    private final UsageRows rows;
    private final QuotaNotices notices;
    private final SubscriptionService subscriptions;

    UsageMeter(EventInbox inbox, UsageRows rows, QuotaNotices notices, SubscriptionService subscriptions) {
        this.inbox = inbox;
        this.rows = rows;
        this.notices = notices;
        this.subscriptions = subscriptions;
    }

    @KafkaListener(topics = Topics.MESSAGE_EVENTS, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.consume(CONSUMER, record, this::meter);
    }

    private Mono<Void> meter(CloudEvent<?> event) {
        UUID tenant = tenantOf(event);
        if (tenant == null) {
            return Mono.empty();
        }
        LocalDate day = LocalDate.ofInstant(event.time(), ZoneOffset.UTC);
        return switch (event.data()) {
            case MessageReceived received -> rows.countReceived(tenant, day);
            case MessageStatusChanged changed when changed.status() == MessageStatus.SENT ->
                    rows.countSent(tenant, day).flatMap(sent -> subscriptions.current(tenant)
                            .flatMap(subscription -> notices.exceededIfReached(tenant, day, sent,
                                    subscriptions.planOf(subscription).limits().dailyMessageQuota())));
            default -> Mono.empty();
        };
    }

    private static @Nullable UUID tenantOf(CloudEvent<?> event) {
        try {
            return event.tenantId() == null ? null : UUID.fromString(event.tenantId());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
