package io.wagate.support.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.EventCodec;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes events straight to Kafka (idempotent producer, acks from all replicas). For events that must commit
 * together with a database change, use the outbox instead.
 */
public class EventPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final EventCodec codec;
    private final MeterRegistry meters;

    public EventPublisher(KafkaTemplate<String, byte[]> kafka, EventCodec codec, MeterRegistry meters) {
        this.kafka = kafka;
        this.codec = codec;
        this.meters = meters;
    }

    /** Completes when the broker acknowledged the record. */
    public Mono<Void> publish(String topic, String key, CloudEvent<?> event) {
        return publishRaw(topic, key, codec.encode(event), event.type());
    }

    /**
     * Publishes an already encoded event (the outbox relay stores the encoded form). {@code send} itself may block
     * (up to {@code max.block.ms}) while the producer fetches metadata for a topic it has not used yet, so it is
     * called on a thread that may block, never on an event loop that serves HTTP requests or database connections.
     */
    public Mono<Void> publishRaw(String topic, String key, byte[] encoded, String type) {
        return Mono.fromFuture(() -> kafka.send(new ProducerRecord<>(topic, key, encoded)))
                .subscribeOn(Schedulers.boundedElastic())
                .doOnSuccess(result -> meters.counter("wagate.events.published", "topic", topic, "type", type).increment())
                .then();
    }
}
