package io.wagate.auth.apikey;

import io.wagate.auth.apikey.internal.InstanceProjection;
import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.Topics;
import io.wagate.contracts.platform.InstanceCreated;
import io.wagate.contracts.platform.InstanceDeleted;
import io.wagate.contracts.platform.InstanceUpdated;
import io.wagate.support.kafka.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps the instance projection from platform.instance.events, once per event (EventInbox). A deleted instance's
 * keys are revoked in the same transaction that records the deletion.
 */
@Component
class InstanceEventsListener {

    static final String CONSUMER = "auth-service.instances";

    private final EventInbox inbox;
    private final InstanceProjection instances;
    private final ApiKeyService keys;

    InstanceEventsListener(EventInbox inbox, InstanceProjection instances, ApiKeyService keys) {
        this.inbox = inbox;
        this.instances = instances;
        this.keys = keys;
    }

    @KafkaListener(topics = Topics.INSTANCE_EVENTS, groupId = "auth-service")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.consume(CONSUMER, record, this::apply);
    }

    private Mono<?> apply(CloudEvent<?> event) {
        return switch (event.data()) {
            case InstanceCreated created -> instances.created(created.instanceId(), created.tenantId(), created.name(),
                    created.engine().wire());
            case InstanceUpdated updated -> instances.renamed(updated.instanceId(), updated.name());
            case InstanceDeleted deleted -> instances.deleted(deleted.instanceId(), deleted.tenantId(), deleted.name())
                    .then(keys.instanceDeleted(deleted.instanceId()));
            default -> Mono.empty();
        };
    }
}
