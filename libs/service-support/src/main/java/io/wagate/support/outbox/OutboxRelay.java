package io.wagate.support.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.wagate.support.kafka.EventPublisher.RawEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes committed outbox rows in id (creation) order and marks them sent, in one database transaction per
 * batch. A transaction-scoped advisory lock lets only one replica relay at a time, which keeps per-key order; a
 * publish failure rolls the batch back so that it is retried. Woken at once after a commit that appended rows,
 * and by a poll interval otherwise.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final OutboxPublisher publisher;
    private final OutboxProperties properties;
    private final MeterRegistry meters;
    private final Sinks.Many<Boolean> nudges = Sinks.many().multicast().directBestEffort();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();
    private volatile @Nullable Disposable relaying;
    private volatile @Nullable Disposable housekeeping;

    public OutboxRelay(DatabaseClient database, TransactionalOperator transactions, OutboxPublisher publisher,
            OutboxProperties properties, MeterRegistry meters) {
        this.database = database;
        this.transactions = transactions;
        this.publisher = publisher;
        this.properties = properties;
        this.meters = meters;
        Gauge.builder("wagate.outbox.pending", pending, AtomicLong::get)
                .description("Outbox rows not yet published").register(meters);
        Gauge.builder("wagate.outbox.oldest.pending.age", oldestPendingSeconds, AtomicLong::get)
                .baseUnit("seconds").description("Age of the oldest unpublished outbox row").register(meters);
    }

    /** Asks the relay to look for rows now (called after a commit that appended some). */
    public void nudge() {
        nudges.tryEmitNext(Boolean.TRUE);
    }

    /** Publishes everything pending (batch after batch) and returns how many rows were published. */
    public Mono<Integer> relayPending() {
        return relayBatch().expand(published -> published >= properties.batchSize() ? relayBatch() : Mono.empty())
                .reduce(0, Integer::sum);
    }

    Mono<Integer> relayBatch() {
        Mono<Integer> batch = database.sql("SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox_relay')) AS locked")
                .map(row -> Boolean.TRUE.equals(row.get("locked", Boolean.class)))
                .one()
                .flatMap(locked -> locked ? publishBatch() : Mono.just(0));
        return transactions.transactional(batch);
    }

    private Mono<Integer> publishBatch() {
        return database.sql("SELECT id, topic, message_key, event_type, payload FROM outbox_event "
                        + "WHERE published_at IS NULL ORDER BY id LIMIT :limit")
                .bind("limit", properties.batchSize())
                .map(row -> new PendingRow(row.get("id", UUID.class), row.get("topic", String.class),
                        row.get("message_key", String.class), row.get("event_type", String.class),
                        row.get("payload", String.class)))
                .all()
                .collectList()
                .flatMap(rows -> rows.isEmpty() ? Mono.just(0) : publishAndMark(rows));
    }

    private Mono<Integer> publishAndMark(List<PendingRow> rows) {
        // One ordered batch: rows of one key must reach their partition in creation order.
        return publisher.publish(rows.stream().map(row -> new RawEvent(row.topic(), row.key(),
                        row.payload().getBytes(StandardCharsets.UTF_8), row.type())).toList())
                .then(database.sql("UPDATE outbox_event SET published_at = now() WHERE id = ANY(:ids)")
                        .bind("ids", rows.stream().map(PendingRow::id).toArray(UUID[]::new))
                        .fetch()
                        .rowsUpdated())
                .doOnSuccess(updated -> meters.counter("wagate.outbox.published").increment(rows.size()))
                .thenReturn(rows.size());
    }

    /** Deletes old published rows and old deduplication rows, and refreshes the backlog gauges. */
    public Mono<Void> housekeep() {
        OffsetDateTime now = OffsetDateTime.now();
        Mono<Long> published = database.sql("DELETE FROM outbox_event WHERE published_at < :before")
                .bind("before", now.minus(properties.retention())).fetch().rowsUpdated();
        Mono<Long> processed = database.sql("DELETE FROM processed_event WHERE processed_at < :before")
                .bind("before", now.minus(properties.deduplicationRetention())).fetch().rowsUpdated();
        Mono<Void> gauges = database.sql("SELECT count(*) AS pending, "
                        + "coalesce(extract(epoch FROM now() - min(created_at)), 0)::bigint AS oldest "
                        + "FROM outbox_event WHERE published_at IS NULL")
                .map(row -> {
                    pending.set(row.get("pending", Long.class));
                    oldestPendingSeconds.set(row.get("oldest", Long.class));
                    return true;
                })
                .one()
                .then();
        return published.then(processed).then(gauges);
    }

    @Override
    public void start() {
        if (!properties.relayEnabled()) {
            return;
        }
        // Nudges arrive on the committing request's thread (often an event loop): hop to a worker before relaying.
        relaying = Flux.merge(Flux.interval(Duration.ZERO, properties.pollInterval(), Schedulers.parallel()).map(tick -> true),
                        nudges.asFlux())
                .onBackpressureDrop()
                .publishOn(Schedulers.boundedElastic(), 1)
                .concatMap(tick -> relayPending().onErrorResume(error -> {
                    meters.counter("wagate.outbox.publish.failures").increment();
                    log.warn("Outbox relay pass failed, retrying on the next pass: {}", error.toString());
                    return Mono.just(0);
                }), 1)
                .subscribe();
        housekeeping = Flux.interval(properties.housekeepingInterval(), properties.housekeepingInterval(),
                        Schedulers.parallel())
                .onBackpressureDrop()
                .concatMap(tick -> housekeep().onErrorResume(error -> {
                    log.warn("Outbox housekeeping failed: {}", error.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = relaying;
        if (current != null) {
            current.dispose();
        }
        Disposable cleaning = housekeeping;
        if (cleaning != null) {
            cleaning.dispose();
        }
        relaying = null;
        housekeeping = null;
    }

    @Override
    public boolean isRunning() {
        return relaying != null;
    }

    @Override
    public int getPhase() {
        // Stops before the Kafka producer and the connection pool so no pass is cut in half.
        return Integer.MAX_VALUE - 100;
    }

    private record PendingRow(UUID id, String topic, String key, String type, String payload) {
    }
}
