package io.wagate.instance.instance;

import io.wagate.contracts.Topics;
import io.wagate.contracts.platform.TenantDeleted;
import io.wagate.instance.plan.QuotaGuard;
import io.wagate.instance.plan.TenantPlans;
import io.wagate.support.kafka.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A closed tenant's instances are deleted like single deletes (so workers log them out and other services drop
 * keys and webhooks), and its projections are dropped.
 */
@Component
class TenantEventsListener {

    static final String CONSUMER = "instance-service.tenants";

    private final EventInbox inbox;
    private final InstanceService instances;
    private final TenantPlans plans;
    private final QuotaGuard quotas;

    TenantEventsListener(EventInbox inbox, InstanceService instances, TenantPlans plans, QuotaGuard quotas) {
        this.inbox = inbox;
        this.instances = instances;
        this.plans = plans;
        this.quotas = quotas;
    }

    @KafkaListener(topics = Topics.TENANT_EVENTS, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.consume(CONSUMER, record, event -> event.data() instanceof TenantDeleted deleted
                ? instances.deleteTenant(deleted.tenantId())
                        .then(plans.forget(deleted.tenantId()))
                        .then(quotas.forget(deleted.tenantId()))
                : Mono.empty());
    }
}
