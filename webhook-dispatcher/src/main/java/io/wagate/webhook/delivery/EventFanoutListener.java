package io.wagate.webhook.delivery;

import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.Topics;
import io.wagate.support.kafka.EventInbox;
import io.wagate.webhook.endpoint.Endpoints;
import io.wagate.webhook.event.PublicEvent;
import io.wagate.webhook.event.PublicEvents;
import io.wagate.webhook.instance.KnownInstance;
import io.wagate.webhook.instance.KnownInstances;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Turns session and message events into one job per subscribed endpoint on the first attempt topic. The jobs are
 * published inside the inbox transaction: if the commit fails, the event is consumed again and the jobs published
 * again (at-least-once; the stable webhook id lets receivers drop the duplicate).
 */
@Component
class EventFanoutListener {

    static final String CONSUMER = "webhook-dispatcher.fanout";

    private final EventInbox inbox;
    private final KnownInstances instances;
    private final Endpoints endpoints;
    private final DeliveryJobs jobs;

    EventFanoutListener(EventInbox inbox, KnownInstances instances, Endpoints endpoints, DeliveryJobs jobs) {
        this.jobs = jobs;
        this.inbox = inbox;
        this.instances = instances;
        this.endpoints = endpoints;
    }

    @KafkaListener(topics = {Topics.SESSION_EVENTS, Topics.MESSAGE_EVENTS}, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.consume(CONSUMER, record, this::fanOut);
    }

    private Mono<Void> fanOut(CloudEvent<?> event) {
        if (event.instanceId() == null) {
            return Mono.empty();
        }
        UUID instanceId = UUID.fromString(event.instanceId());
        String fallbackName = event.subject() == null ? "" : event.subject();
        return instances.byId(instanceId).map(KnownInstance::name).defaultIfEmpty(fallbackName)
                .flatMap(name -> Mono.justOrEmpty(PublicEvents.map(event, name)))
                .flatMapMany(publicEvent -> endpoints.enabledFor(instanceId)
                        .filter(endpoint -> endpoint.accepts(publicEvent.type()))
                        .concatMap(endpoint -> publish(publicEvent, endpoint.id())))
                .then();
    }

    private Mono<Void> publish(PublicEvent event, UUID endpointId) {
        return jobs.enqueue(event, endpointId).then();
    }
}
