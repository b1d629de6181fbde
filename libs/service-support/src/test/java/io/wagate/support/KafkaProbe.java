package io.wagate.support;

import io.wagate.testsupport.KafkaTopicReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestComponent;

/** Finds records on a topic by their content (see {@link KafkaTopicReader} for why the counts are exact). */
@TestComponent
class KafkaProbe {

    private final KafkaTopicReader reader;

    KafkaProbe(@Value("${spring.kafka.bootstrap-servers}") String bootstrap) {
        this.reader = new KafkaTopicReader(bootstrap);
    }

    /** Records of the topic whose value contains the text. */
    List<ConsumerRecord<String, byte[]>> recordsContaining(String topic, String text) {
        return reader.read(topic, record -> record.value() != null
                && new String(record.value(), StandardCharsets.UTF_8).contains(text));
    }

    /** The event ids of the topic's records with this key, in partition order. */
    List<String> idsWithKey(String topic, String key) {
        return reader.withKey(topic, key).stream().map(record -> {
            String value = new String(record.value(), StandardCharsets.UTF_8);
            int start = value.indexOf("\"id\":\"") + 6;
            return value.substring(start, value.indexOf('"', start));
        }).toList();
    }

    long copiesOf(String topic, String eventId) {
        return recordsContaining(topic, "\"id\":\"" + eventId + "\"").size();
    }
}
