package io.wagate.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.EventCodec;
import io.wagate.contracts.Topics;
import io.wagate.contracts.platform.TenantDeleted;
import io.wagate.support.app.TestTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;

class DeadLetterTests extends SupportIntegrationTest {

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    DatabaseClient database;
    @Autowired
    KafkaProbe probe;

    @Test
    void poisonRecordGoesToTheDeadLetterTopicAndTheNextRecordIsStillConsumed() throws Exception {
        String key = UUID.randomUUID().toString();
        String marker = "poison-" + UUID.randomUUID();
        CloudEvent<TenantDeleted> next = CloudEvent.create("/support-test", key, null, null,
                new TenantDeleted(UUID.randomUUID()));

        kafka.send(new ProducerRecord<>(TestTopics.EVENTS, key, ("{not an event " + marker).getBytes(StandardCharsets.UTF_8))).get();
        kafka.send(new ProducerRecord<>(TestTopics.EVENTS, key, EventCodec.standard().encode(next))).get();

        await().atMost(Duration.ofSeconds(20)).until(() -> database
                .sql("SELECT count(*) AS n FROM received_event WHERE event_id = :id").bind("id", next.id())
                .map(row -> row.get("n", Long.class)).one().block() == 1);
        var dead = probe.recordsContaining(Topics.deadLetterOf(TestTopics.EVENTS), marker);
        assertThat(dead).hasSize(1);
        assertThat(dead.getFirst().key()).isEqualTo(key);
        assertThat(dead.getFirst().headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
    }
}
