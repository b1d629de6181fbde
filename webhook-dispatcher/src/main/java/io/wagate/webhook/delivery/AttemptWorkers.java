package io.wagate.webhook.delivery;

import io.wagate.webhook.WebhookProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.AcknowledgingMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

/**
 * One listener container per attempt topic, so that waiting for a record that is not due yet holds back only that
 * topic. A record not yet due is negatively acknowledged with a pause (the container pauses and seeks back), at most
 * {@link #MAX_PAUSE} at a time so that shutdown and rebalances are never held up long.
 */
@Component
class AttemptWorkers implements SmartLifecycle {

    /** One consumer group per topic: a container joining or pausing never rebalances the others. */
    static final String GROUP_PREFIX = "webhook-dispatcher.attempts.";
    private static final Duration MAX_PAUSE = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(AttemptWorkers.class);

    private final ConcurrentKafkaListenerContainerFactory<String, byte[]> factory;
    private final DeliveryTopics topics;
    private final Deliverer deliverer;
    private final Duration attemptTimeout;
    private final Duration pollTimeout;
    private final int workers;
    private final EndpointRateLimits rateLimits;
    private final List<ConcurrentMessageListenerContainer<String, byte[]>> containers = new ArrayList<>();

    AttemptWorkers(ConcurrentKafkaListenerContainerFactory<String, byte[]> factory, DeliveryTopics topics,
            Deliverer deliverer, WebhookProperties properties, EndpointRateLimits rateLimits) {
        this.rateLimits = rateLimits;
        this.factory = factory;
        this.topics = topics;
        this.deliverer = deliverer;
        // The request itself is bounded by the client; the rest is the log insert and the next publish.
        this.attemptTimeout = properties.requestTimeout().plusSeconds(20);
        this.pollTimeout = pollTimeout(properties.retrySchedule());
        this.workers = properties.workersPerAttempt();
    }

    /**
     * A paused container resumes only when its current poll returns, so the poll timeout bounds how late a retry
     * starts: a fifth of the shortest delay, between 50 ms and 1 s.
     */
    static Duration pollTimeout(List<Duration> schedule) {
        long shortest = schedule.stream().filter(delay -> !delay.isZero()).mapToLong(Duration::toMillis).min()
                .orElse(5000);
        return Duration.ofMillis(Math.clamp(shortest / 5, 50, 1000));
    }

    @Override
    public synchronized void start() {
        for (int attempt = 0; attempt < topics.attempts(); attempt++) {
            String topic = DeliveryTopics.topic(attempt);
            ConcurrentMessageListenerContainer<String, byte[]> container = factory.createContainer(topic);
            ContainerProperties properties = container.getContainerProperties();
            properties.setGroupId(GROUP_PREFIX + attempt);
            properties.setAckMode(ContainerProperties.AckMode.MANUAL_IMMEDIATE);
            properties.setPollTimeout(pollTimeout.toMillis());
            properties.setMessageListener((AcknowledgingMessageListener<String, byte[]>) this::onRecord);
            container.setConcurrency(workers);
            container.setBeanName("webhookAttempts-" + attempt);
            container.start();
            containers.add(container);
        }
    }

    private void onRecord(ConsumerRecord<String, byte[]> record, Acknowledgment ack) {
        DeliveryJob job;
        try {
            job = DeliveryJob.decode(record.value());
        } catch (JacksonException e) {
            log.error("Skipping undecodable delivery job {}-{}@{}", record.topic(), record.partition(), record.offset());
            ack.acknowledge();
            return;
        }
        long wait = job.dueAtMillis() - System.currentTimeMillis();
        if (wait > 0) {
            ack.nack(Duration.ofMillis(Math.min(wait, MAX_PAUSE.toMillis())));
            return;
        }
        if (!rateLimits.tryAcquire(job.endpointId())) {
            ack.nack(EndpointRateLimits.PAUSE);
            return;
        }
        deliverer.attempt(job).block(attemptTimeout);
        ack.acknowledge();
    }

    @Override
    public synchronized void stop() {
        containers.forEach(ConcurrentMessageListenerContainer::stop);
        containers.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return !containers.isEmpty();
    }
}
