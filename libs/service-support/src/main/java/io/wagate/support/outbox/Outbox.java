package io.wagate.support.outbox;

import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.EventCodec;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * Writes events into the outbox table. Must run inside the reactive transaction of the business change: that is
 * the whole point (both commit or neither does), so calling it without one is an error rather than a silent
 * weaker guarantee.
 */
public class Outbox {

    private final DatabaseClient database;
    private final EventCodec codec;
    private final Runnable afterCommit;

    public Outbox(DatabaseClient database, EventCodec codec, Runnable afterCommit) {
        this.database = database;
        this.codec = codec;
        this.afterCommit = afterCommit;
    }

    public Mono<Void> append(String topic, String key, CloudEvent<?> event) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .onErrorMap(NoTransactionException.class,
                        e -> new IllegalStateException("Outbox.append must run inside the business transaction", e))
                .flatMap(transaction -> {
                    transaction.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public Mono<Void> afterCommit() {
                            return Mono.fromRunnable(Outbox.this.afterCommit);
                        }
                    });
                    return database.sql("INSERT INTO outbox_event (id, topic, message_key, event_type, payload) "
                                    + "VALUES (:id, :topic, :key, :type, :payload)")
                            .bind("id", UUID.fromString(event.id()))
                            .bind("topic", topic)
                            .bind("key", key)
                            .bind("type", event.type())
                            .bind("payload", codec.encodeToString(event))
                            .then();
                });
    }
}
