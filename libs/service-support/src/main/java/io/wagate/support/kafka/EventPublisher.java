package io.wagate.support.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.EventCodec;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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

    /** Publishes an already encoded event (see {@link #publishAllRaw}). */
    public Mono<Void> publishRaw(String topic, String key, byte[] encoded, String type) {
        return publishAllRaw(List.of(new RawEvent(topic, key, encoded, type)));
    }

    /**
     * Publishes already encoded events (the outbox relay stores the encoded form) in list order: the records are
     * handed to the producer one after another from one thread, and the idempotent producer keeps the order of its
     * sends per partition, so events with the same key arrive in this order. Completes when the broker acknowledged
     * all of them. {@code send} itself may block (up to {@code max.block.ms}) while the producer fetches metadata for a
     * topic it has not used yet, so it is called on a thread that may block, never on an event loop that serves HTTP
     * requests or database connections.
     */
    public Mono<Void> publishAllRaw(List<RawEvent> events) {
        return Mono.fromCallable(() -> events.stream()
                        .map(event -> kafka.send(new ProducerRecord<>(event.topic(), event.key(), event.encoded()))
                                .thenRun(() -> meters.counter("wagate.events.published", "topic", event.topic(),
                                        "type", event.type()).increment()))
                        .toArray(CompletableFuture[]::new))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(sends -> Mono.fromFuture(CompletableFuture.allOf(sends)))
                .then();
    }

    /** An encoded event and where it goes. */
    public record RawEvent(String topic, String key, byte[] encoded, String type) {
    }
}
