package io.wagate.webhook.delivery;

import io.wagate.webhook.delivery.internal.PayloadRows;
import io.wagate.webhook.event.PublicEvent;
import io.wagate.webhook.event.PublicEvents;
import io.wagate.webhook.signing.SecretCipher;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Puts a public event for one endpoint on the first attempt topic, keyed by endpoint id, after keeping its body
 * (encrypted) for replay; and puts kept bodies on it again for a replay.
 */
@Component
class DeliveryJobs {

    private final KafkaTemplate<String, byte[]> kafka;
    private final DeliveryTopics topics;
    private final PayloadRows payloads;
    private final SecretCipher cipher;

    DeliveryJobs(KafkaTemplate<String, byte[]> kafka, DeliveryTopics topics, PayloadRows payloads,
            SecretCipher cipher) {
        this.kafka = kafka;
        this.topics = topics;
        this.payloads = payloads;
        this.cipher = cipher;
    }

    /** Completes with the job once its body is kept and the broker acknowledged the job. */
    Mono<DeliveryJob> enqueue(PublicEvent event, UUID endpointId) {
        DeliveryJob job = new DeliveryJob(event.eventId(), endpointId, WebhookIds.of(event.eventId(), endpointId),
                event.type().wire(), new String(PublicEvents.body(event), StandardCharsets.UTF_8), 0,
                System.currentTimeMillis() + topics.delayBefore(0).toMillis());
        return cipher.encrypt(endpointId, job.body())
                .flatMap(sealed -> payloads.insert(job.webhookId(), endpointId, job.eventId(), job.type(), sealed))
                .then(publish(job));
    }

    /** The kept body again, as a first attempt under the same webhook id (signed afresh when it is sent). */
    Mono<DeliveryJob> replay(PayloadRows.Payload payload) {
        return cipher.decrypt(payload.endpointId(), payload.sealedBody())
                .map(body -> new DeliveryJob(payload.eventId(), payload.endpointId(), payload.webhookId(),
                        payload.type(), body, 0, System.currentTimeMillis()))
                .flatMap(this::publish);
    }

    private Mono<DeliveryJob> publish(DeliveryJob job) {
        return Mono.fromFuture(() -> kafka.send(new ProducerRecord<>(DeliveryTopics.topic(0),
                job.endpointId().toString(), job.encode()))).thenReturn(job);
    }
}
