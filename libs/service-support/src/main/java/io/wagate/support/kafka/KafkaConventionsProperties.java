package io.wagate.support.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Kafka conventions of a service.
 *
 * @param declareTopics create the platform topics (and their dead-letter topics) at start-up when missing
 * @param partitions partitions of each declared topic; the session-worker group can have at most this many members
 * @param replicationFactor replication of each declared topic (1 for local runs and tests)
 * @param retryAttempts attempts of a failing record before it goes to the dead-letter topic
 * @param retryBackoff pause between those attempts
 * @param handlerTimeout how long one record's handler may run
 */
@ConfigurationProperties("wagate.kafka")
public record KafkaConventionsProperties(
        @DefaultValue("true") boolean declareTopics,
        @DefaultValue("12") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("3") int retryAttempts,
        @DefaultValue("200ms") Duration retryBackoff,
        @DefaultValue("30s") Duration handlerTimeout) {
}
