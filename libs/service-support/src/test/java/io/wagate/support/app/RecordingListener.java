package io.wagate.support.app;

import io.wagate.contracts.EventCodec;
import io.wagate.support.kafka.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** Consumes the test topic through the inbox and records each processed event as a row. */
@Component
class RecordingListener {

    private final EventInbox inbox;
    private final DatabaseClient database;
    private final EventCodec codec;

    RecordingListener(EventInbox inbox, DatabaseClient database, EventCodec codec) {
        this.inbox = inbox;
        this.database = database;
        this.codec = codec;
    }

    @KafkaListener(topics = TestTopics.EVENTS, groupId = "support-test")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.consume("support-test", record, event -> database
                .sql("INSERT INTO received_event (event_id, payload) VALUES (:id, :payload)")
                .bind("id", event.id())
                .bind("payload", codec.encodeToString(event))
                .then());
    }
}
