package io.wagate.webhook.instance;

import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.Topics;
import io.wagate.contracts.platform.InstanceCreated;
import io.wagate.contracts.platform.InstanceDeleted;
import io.wagate.contracts.platform.InstanceUpdated;
import io.wagate.contracts.platform.TenantDeleted;
import io.wagate.support.kafka.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps the instance projection from {@code platform.instance.events} and forgets closed tenants from
 * {@code platform.tenant.events}. A deleted instance or tenant takes its endpoints with it, in the same
 * transaction, through {@link InstanceRemoval}.
 */
@Component
class PlatformEventsListener {

    static final String CONSUMER = "webhook-dispatcher.instances";

    private final EventInbox inbox;
    private final KnownInstances instances;
    private final InstanceRemoval removal;

    PlatformEventsListener(EventInbox inbox, KnownInstances instances, InstanceRemoval removal) {
        this.inbox = inbox;
        this.instances = instances;
        this.removal = removal;
    }

    @KafkaListener(topics = {Topics.INSTANCE_EVENTS, Topics.TENANT_EVENTS}, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.consume(CONSUMER, record, this::apply);
    }

    private Mono<Void> apply(CloudEvent<?> event) {
        return switch (event.data()) {
            case InstanceCreated created -> instances.upsert(
                    new KnownInstance(created.instanceId(), created.tenantId(), created.name()));
            case InstanceUpdated updated -> instances.upsert(
                    new KnownInstance(updated.instanceId(), updated.tenantId(), updated.name()));
            case InstanceDeleted deleted -> removal.removed(deleted.instanceId())
                    .then(instances.delete(deleted.instanceId()));
            case TenantDeleted deleted -> removal.tenantRemoved(deleted.tenantId())
                    .then(instances.deleteTenant(deleted.tenantId()));
            default -> Mono.empty();
        };
    }
}
