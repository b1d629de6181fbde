package io.wagate.support.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.wagate.contracts.MalformedEventException;
import io.wagate.contracts.Topics;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The error handler of every listener container: a failing record is retried a few times in place (a transient
 * database hiccup), then published with its original key and bytes to {@code <topic>.dlt} and skipped, so that one
 * poison record never blocks its partition. Undecodable records go to the dead-letter topic without retries.
 */
public final class DeadLetterErrorHandlerFactory {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterErrorHandlerFactory.class);

    private DeadLetterErrorHandlerFactory() {
    }

    public static DefaultErrorHandler create(KafkaTemplate<String, byte[]> template, KafkaConventionsProperties properties,
            MeterRegistry meters) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, error) -> {
                    meters.counter("wagate.events.dead_lettered", "topic", record.topic()).increment();
                    log.warn("Record {}-{}@{} goes to the dead-letter topic: {}", record.topic(), record.partition(),
                            record.offset(), rootMessage(error));
                    return new TopicPartition(Topics.deadLetterOf(record.topic()), -1);
                });
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
                new FixedBackOff(properties.retryBackoff().toMillis(), Math.max(0, properties.retryAttempts() - 1)));
        handler.addNotRetryableExceptions(MalformedEventException.class);
        handler.setCommitRecovered(true);
        return handler;
    }

    private static String rootMessage(Throwable error) {
        Throwable current = error;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current.getClass().getSimpleName() + ": " + current.getMessage();
    }
}
