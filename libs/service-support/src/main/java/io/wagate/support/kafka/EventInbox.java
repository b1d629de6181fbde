package io.wagate.support.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.EventCodec;
import io.wagate.contracts.MalformedEventException;
import io.wagate.contracts.UnknownEventData;
import java.time.Duration;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The consuming side of the event backbone. {@link #consume} decodes a record and runs the handler in one database
 * transaction with a row in {@code processed_event}: a redelivered event (after a rebalance, a crash or an outbox
 * re-publish) finds its row and is skipped, so its effects happen once. Records that cannot be decoded throw
 * {@link MalformedEventException}, which the container's error handler sends to the dead-letter topic at once.
 */
public class EventInbox {

    private static final Logger log = LoggerFactory.getLogger(EventInbox.class);

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final EventCodec codec;
    private final MeterRegistry meters;
    private final Duration timeout;

    public EventInbox(DatabaseClient database, TransactionalOperator transactions, EventCodec codec,
            MeterRegistry meters, Duration timeout) {
        this.database = database;
        this.transactions = transactions;
        this.codec = codec;
        this.meters = meters;
        this.timeout = timeout;
    }

    /**
     * Processes one record once for {@code consumer}. Blocks the listener thread until the transaction commits, which
     * keeps the offset commit after the effect (at-least-once delivery, exactly-once effect).
     *
     * @return true when the handler ran, false for a duplicate or an event type this service does not know
     */
    public boolean consume(String consumer, ConsumerRecord<String, byte[]> record,
            Function<CloudEvent<?>, Mono<?>> handler) {
        CloudEvent<?> event = codec.decode(record.value() == null ? new byte[0] : record.value());
        if (event.data() instanceof UnknownEventData) {
            meters.counter("wagate.events.consumed", "consumer", consumer, "type", event.type(), "outcome", "unknown_type")
                    .increment();
            log.debug("Skipping event {} of unknown type {}", event.id(), event.type());
            return false;
        }
        Boolean handled = transactions.transactional(firstDelivery(consumer, event.id())
                        .flatMap(first -> first ? handler.apply(event).then(Mono.just(true)) : Mono.just(false)))
                .block(timeout);
        boolean ran = Boolean.TRUE.equals(handled);
        meters.counter("wagate.events.consumed", "consumer", consumer, "type", event.type(),
                "outcome", ran ? "processed" : "duplicate").increment();
        return ran;
    }

    /** True the first time this consumer sees the event id (inside the caller's transaction). */
    public Mono<Boolean> firstDelivery(String consumer, String eventId) {
        return database.sql("INSERT INTO processed_event (consumer, event_id) VALUES (:consumer, :eventId) "
                        + "ON CONFLICT DO NOTHING")
                .bind("consumer", consumer)
                .bind("eventId", eventId)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }
}
