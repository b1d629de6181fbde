package io.wagate.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.platform.TenantCreated;
import io.wagate.support.app.TestTopics;
import io.wagate.support.kafka.EventPublisher;
import io.wagate.support.outbox.Outbox;
import io.wagate.support.outbox.OutboxProperties;
import io.wagate.support.outbox.OutboxRelay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

class OutboxTests extends SupportIntegrationTest {

    @Autowired
    Outbox outbox;
    @Autowired
    OutboxRelay relay;
    @Autowired
    DatabaseClient database;
    @Autowired
    TransactionalOperator transactions;
    @Autowired
    EventPublisher publisher;
    @Autowired
    OutboxProperties properties;
    @Autowired
    MeterRegistry meters;
    @Autowired
    KafkaProbe kafka;

    @Test
    void committedEventIsPublishedAndMarkedSent() {
        CloudEvent<TenantCreated> event = tenantCreated();

        transactions.transactional(outbox.append(TestTopics.EVENTS, event.tenantId(), event)).block();

        await().atMost(Duration.ofSeconds(15)).until(() -> receivedCount(event.id()) == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> publishedAt(event.id()));
        assertThat(kafka.copiesOf(TestTopics.EVENTS, event.id())).isEqualTo(1);
    }

    @Test
    void rolledBackTransactionPublishesNothing() {
        CloudEvent<TenantCreated> event = tenantCreated();

        Mono<Void> failingBusinessChange = outbox.append(TestTopics.EVENTS, event.tenantId(), event)
                .then(Mono.error(new IllegalStateException("business rule violated")));
        try {
            transactions.transactional(failingBusinessChange).block();
        } catch (IllegalStateException expected) {
            // the business transaction failed and rolled back
        }
        relay.relayPending().block();

        assertThat(rowExists(event.id())).isFalse();
        assertThat(kafka.copiesOf(TestTopics.EVENTS, event.id())).isZero();
        assertThat(receivedCount(event.id())).isZero();
    }

    @Test
    void appendOutsideATransactionIsRefused() {
        CloudEvent<TenantCreated> event = tenantCreated();
        try {
            outbox.append(TestTopics.EVENTS, event.tenantId(), event).block();
            throw new AssertionError("append without a transaction must fail");
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessageContaining("inside the business transaction");
        }
        assertThat(rowExists(event.id())).isFalse();
    }

    @Test
    void eventsWithOneKeyArriveInTheOrderTheyWereAppended() {
        UUID tenant = UUID.randomUUID();
        List<String> appended = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            CloudEvent<TenantCreated> event = CloudEvent.create("/support-test", tenant.toString(), null, null,
                    new TenantCreated(tenant, "Acme " + i, UUID.randomUUID()));
            appended.add(event.id());
            // Separate transactions, as separate requests would append them.
            transactions.transactional(outbox.append(TestTopics.EVENTS, tenant.toString(), event)).block();
        }
        relay.relayPending().block();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(kafka.idsWithKey(TestTopics.EVENTS,
                tenant.toString())).containsSubsequence(appended).hasSizeGreaterThanOrEqualTo(appended.size()));
        List<String> published = kafka.idsWithKey(TestTopics.EVENTS, tenant.toString()).stream().distinct().toList();
        assertThat(published).containsExactlyElementsOf(appended);
    }

    @Test
    void relayKilledBetweenPublishAndMarkRepublishesAndConsumerProcessesOnce() {
        relay.stop();
        try {
            CloudEvent<TenantCreated> event = tenantCreated();
            transactions.transactional(outbox.append(TestTopics.EVENTS, event.tenantId(), event)).block();

            AtomicInteger published = new AtomicInteger();
            OutboxRelay dyingRelay = new OutboxRelay(database, transactions, events ->
                    publisher.publishAllRaw(events)
                            .doOnSuccess(done -> published.addAndGet(events.size()))
                            .then(Mono.error(new IllegalStateException("process killed after publish, before mark"))),
                    properties, meters);
            try {
                dyingRelay.relayPending().block();
            } catch (IllegalStateException expected) {
                // the relay died after Kafka accepted the record
            }
            assertThat(published.get()).isEqualTo(1);
            assertThat(publishedAt(event.id())).isFalse();

            OutboxRelay restarted = new OutboxRelay(database, transactions, publisher::publishAllRaw, properties, meters);
            assertThat(restarted.relayPending().block()).isGreaterThanOrEqualTo(1);

            assertThat(publishedAt(event.id())).isTrue();
            assertThat(kafka.copiesOf(TestTopics.EVENTS, event.id())).isEqualTo(2);
            await().atMost(Duration.ofSeconds(15)).until(() -> receivedCount(event.id()) >= 1);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> receivedCount(event.id()) == 1);
        } finally {
            relay.start();
        }
    }

    private static CloudEvent<TenantCreated> tenantCreated() {
        UUID tenant = UUID.randomUUID();
        return CloudEvent.create("/support-test", tenant.toString(), null, null,
                new TenantCreated(tenant, "Acme " + tenant, UUID.randomUUID()));
    }

    private long receivedCount(String eventId) {
        return database.sql("SELECT count(*) AS n FROM received_event WHERE event_id = :id").bind("id", eventId)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private boolean rowExists(String eventId) {
        return database.sql("SELECT count(*) AS n FROM outbox_event WHERE id = :id").bind("id", UUID.fromString(eventId))
                .map(row -> row.get("n", Long.class)).one().block() > 0;
    }

    private boolean publishedAt(String eventId) {
        return database.sql("SELECT count(*) AS n FROM outbox_event WHERE id = :id AND published_at IS NOT NULL")
                .bind("id", UUID.fromString(eventId))
                .map(row -> row.get("n", Long.class)).one().block() > 0;
    }
}
