package io.wagate.testsupport;

import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.EventCodec;
import io.wagate.contracts.EventData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestComponent;

/**
 * The platform's view of {@link KafkaTopicReader} for Spring tests ({@code @Import(KafkaRecords.class)}): records by
 * key, decoded as events.
 */
@TestComponent
public class KafkaRecords {

    private final KafkaTopicReader reader;

    public KafkaRecords(@Value("${spring.kafka.bootstrap-servers}") String bootstrap) {
        this.reader = new KafkaTopicReader(bootstrap);
    }

    /** The records of the topic with the given key, in partition order. */
    public List<ConsumerRecord<String, byte[]>> withKey(String topic, String key) {
        return reader.withKey(topic, key);
    }

    /** The decoded events of the topic with the given key. */
    public List<CloudEvent<?>> eventsWithKey(String topic, String key) {
        return withKey(topic, key).stream().<CloudEvent<?>>map(record -> EventCodec.standard().decode(record.value()))
                .toList();
    }

    /** The payloads of the topic's events with the given key. */
    public List<EventData> dataWithKey(String topic, String key) {
        return eventsWithKey(topic, key).stream().<EventData>map(CloudEvent::data).toList();
    }

    public static String text(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }
}
