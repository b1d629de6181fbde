package io.wagate.support.outbox;

import reactor.core.publisher.Mono;

/** Where the relay sends rows: Kafka in production. Completes once the record is durably accepted. */
@FunctionalInterface
public interface OutboxPublisher {

    Mono<Void> publish(String topic, String key, byte[] payload, String type);
}
