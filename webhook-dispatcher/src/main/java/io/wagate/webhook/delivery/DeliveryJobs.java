package io.wagate.webhook.delivery;

import io.wagate.webhook.event.PublicEvent;
import io.wagate.webhook.event.PublicEvents;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Puts a public event for one endpoint on the first attempt topic, keyed by endpoint id. */
@Component
class DeliveryJobs {

    private final KafkaTemplate<String, byte[]> kafka;
    private final DeliveryTopics topics;

    DeliveryJobs(KafkaTemplate<String, byte[]> kafka, DeliveryTopics topics) {
        this.kafka = kafka;
        this.topics = topics;
    }

    /** Completes with the job once the broker acknowledged it. */
    Mono<DeliveryJob> enqueue(PublicEvent event, UUID endpointId) {
        DeliveryJob job = new DeliveryJob(event.eventId(), endpointId, WebhookIds.of(event.eventId(), endpointId),
                event.type().wire(), new String(PublicEvents.body(event), StandardCharsets.UTF_8), 0,
                System.currentTimeMillis() + topics.delayBefore(0).toMillis());
        return Mono.fromFuture(() -> kafka.send(new ProducerRecord<>(DeliveryTopics.topic(0), endpointId.toString(),
                job.encode()))).thenReturn(job);
    }
}
