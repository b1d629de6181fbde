package io.wagate.support.outbox;

import io.wagate.support.kafka.EventPublisher.RawEvent;
import java.util.List;
import reactor.core.publisher.Mono;

/** Where the relay sends rows: Kafka in production. */
@FunctionalInterface
public interface OutboxPublisher {

    /**
     * Sends the events in list order, so that events with the same key keep it, and completes once all are durably
     * accepted.
     */
    Mono<Void> publish(List<RawEvent> events);
}
