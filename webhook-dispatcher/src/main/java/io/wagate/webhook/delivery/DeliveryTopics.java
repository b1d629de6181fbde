package io.wagate.webhook.delivery;

import io.wagate.support.kafka.KafkaConventionsProperties;
import io.wagate.webhook.WebhookProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** The dispatcher's own topics: one per attempt (each with one fixed delay) and the dead letters. */
@Configuration(proxyBeanMethods = false)
public class DeliveryTopics {

    public static final String FIRST = "webhooks.deliveries";
    public static final String RETRY_PREFIX = "webhooks.retry.";
    public static final String DEAD_LETTER = "webhooks.dead-letter";

    private final WebhookProperties properties;

    DeliveryTopics(WebhookProperties properties) {
        this.properties = properties;
    }

    /** The topic of the attempt with this 0-based index. */
    public static String topic(int attempt) {
        return attempt == 0 ? FIRST : RETRY_PREFIX + attempt;
    }

    public int attempts() {
        return properties.retrySchedule().size();
    }

    public Duration delayBefore(int attempt) {
        return properties.retrySchedule().get(attempt);
    }

    @Bean
    KafkaAdmin.NewTopics webhookTopics(KafkaConventionsProperties kafka) {
        List<NewTopic> topics = new ArrayList<>();
        for (int attempt = 0; attempt < attempts(); attempt++) {
            topics.add(TopicBuilder.name(topic(attempt)).partitions(kafka.partitions())
                    .replicas(kafka.replicationFactor()).build());
            topics.add(TopicBuilder.name(topic(attempt) + ".dlt").partitions(1).replicas(kafka.replicationFactor())
                    .build());
        }
        topics.add(TopicBuilder.name(DEAD_LETTER).partitions(kafka.partitions()).replicas(kafka.replicationFactor())
                .build());
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
