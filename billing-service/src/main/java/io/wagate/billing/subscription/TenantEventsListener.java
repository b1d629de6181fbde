package io.wagate.billing.subscription;

import io.wagate.contracts.Topics;
import io.wagate.contracts.platform.TenantCreated;
import io.wagate.support.kafka.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Gives every new tenant the default subscription when auth-service announces it. */
@Component
class TenantEventsListener {

    static final String CONSUMER = "billing-service.tenants";

    private final EventInbox inbox;
    private final SubscriptionService subscriptions;

    TenantEventsListener(EventInbox inbox, SubscriptionService subscriptions) {
        this.inbox = inbox;
        this.subscriptions = subscriptions;
    }

    @KafkaListener(topics = Topics.TENANT_EVENTS, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.consume(CONSUMER, record, event -> event.data() instanceof TenantCreated created
                ? subscriptions.createDefault(created.tenantId())
                : Mono.empty());
    }
}
