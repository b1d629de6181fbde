package io.wagate.instance.plan;

import io.wagate.contracts.Topics;
import io.wagate.contracts.platform.MessageQuotaExceeded;
import io.wagate.contracts.platform.MessageQuotaRestored;
import io.wagate.contracts.platform.SubscriptionChanged;
import io.wagate.support.kafka.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Keeps the plan and quota projections current from billing's events. */
@Component
class SubscriptionEventsListener {

    static final String CONSUMER = "instance-service.subscriptions";

    private final EventInbox inbox;
    private final TenantPlans plans;
    private final QuotaGuard quotas;

    SubscriptionEventsListener(EventInbox inbox, TenantPlans plans, QuotaGuard quotas) {
        this.inbox = inbox;
        this.plans = plans;
        this.quotas = quotas;
    }

    @KafkaListener(topics = Topics.SUBSCRIPTION_EVENTS, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.consume(CONSUMER, record, event -> switch (event.data()) {
            case SubscriptionChanged changed -> plans.apply(changed);
            case MessageQuotaExceeded exceeded -> quotas.apply(exceeded);
            case MessageQuotaRestored restored -> quotas.apply(restored);
            default -> Mono.empty();
        });
    }
}
