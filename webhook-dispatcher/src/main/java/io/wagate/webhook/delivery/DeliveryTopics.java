package io.wagate.webhook.delivery;

import io.wagate.support.kafka.KafkaConventionsProperties;
import io.wagate.webhook.RetentionProperties;
import io.wagate.webhook.WebhookProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The dispatcher's own topics: one per attempt (each with one fixed delay), the deferred jobs of busy endpoints
 * (one fixed delay too) and the dead letters. They carry bodies, so their retention is short.
 */
@Configuration(proxyBeanMethods = false)
public class DeliveryTopics {

    public static final String FIRST = "webhooks.deliveries";
    public static final String RETRY_PREFIX = "webhooks.retry.";
    public static final String DEAD_LETTER = "webhooks.dead-letter";
    /** Jobs whose endpoint was at its concurrency cap or rate limit; due again after the busy delay. */
    public static final String DEFERRED = "webhooks.deferred";

    private final WebhookProperties properties;
    private final RetentionProperties retention;

    DeliveryTopics(WebhookProperties properties, RetentionProperties retention) {
        this.properties = properties;
        this.retention = retention;
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

    /** Every topic whose records are delivery jobs, in the order their consumers are started. */
    public List<String> jobTopics() {
        List<String> topics = new ArrayList<>();
        for (int attempt = 0; attempt < attempts(); attempt++) {
            topics.add(topic(attempt));
        }
        topics.add(DEFERRED);
        return topics;
    }

    @Bean
    KafkaAdmin.NewTopics webhookTopics(KafkaConventionsProperties kafka) {
        String retentionMs = Long.toString(retention.topics().toMillis());
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : jobTopics()) {
            topics.add(TopicBuilder.name(topic).partitions(kafka.partitions()).replicas(kafka.replicationFactor())
                    .config(TopicConfig.RETENTION_MS_CONFIG, retentionMs).build());
            topics.add(TopicBuilder.name(topic + ".dlt").partitions(1).replicas(kafka.replicationFactor())
                    .config(TopicConfig.RETENTION_MS_CONFIG, retentionMs).build());
        }
        topics.add(TopicBuilder.name(DEAD_LETTER).partitions(kafka.partitions()).replicas(kafka.replicationFactor())
                .config(TopicConfig.RETENTION_MS_CONFIG, retentionMs).build());
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
