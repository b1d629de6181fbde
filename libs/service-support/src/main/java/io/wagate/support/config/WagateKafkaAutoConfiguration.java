package io.wagate.support.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.wagate.contracts.EventCodec;
import io.wagate.contracts.Topics;
import io.wagate.support.kafka.DeadLetterErrorHandlerFactory;
import io.wagate.support.kafka.EventPublisher;
import io.wagate.support.kafka.KafkaConventionsProperties;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;

/** Idempotent event publishing, dead-letter error handling and topic declaration. */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@EnableConfigurationProperties(KafkaConventionsProperties.class)
public class WagateKafkaAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec() {
        return EventCodec.standard();
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(KafkaTemplate<String, byte[]> kafka, EventCodec codec, MeterRegistry meters) {
        return new EventPublisher(kafka, codec, meters);
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    CommonErrorHandler deadLetterErrorHandler(KafkaTemplate<String, byte[]> kafka, KafkaConventionsProperties properties,
            MeterRegistry meters) {
        return DeadLetterErrorHandlerFactory.create(kafka, properties, meters);
    }

    @Bean
    @ConditionalOnProperty(name = "wagate.kafka.declare-topics", havingValue = "true", matchIfMissing = true)
    KafkaAdmin.NewTopics wagateTopics(KafkaConventionsProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.all()) {
            topics.add(TopicBuilder.name(topic).partitions(properties.partitions())
                    .replicas(properties.replicationFactor()).build());
            topics.add(TopicBuilder.name(Topics.deadLetterOf(topic)).partitions(1)
                    .replicas(properties.replicationFactor()).build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
