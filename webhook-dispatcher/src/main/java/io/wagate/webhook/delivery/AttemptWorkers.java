package io.wagate.webhook.delivery;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.wagate.webhook.WebhookProperties;
import java.time.Duration;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * The consumers of the job topics: {@code workers-per-attempt} per attempt topic and per {@code webhooks.deferred},
 * each topic with its own consumer group, so that waiting for a record that is not due yet holds back only that
 * topic's partition. Stopping waits for the requests in flight up to {@code shutdown-grace}.
 */
@Component
class AttemptWorkers implements SmartLifecycle {

    /** Fetch size: bounds how far a consumer runs past {@code max-in-flight} with one poll. */
    private static final int MAX_POLL_RECORDS = 100;

    private final ConsumerFactory<?, ?> consumers;
    private final DeliveryTopics topics;
    private final JobRouter router;
    private final WebhookProperties properties;
    private final MeterRegistry meters;
    private final List<Running> running = new CopyOnWriteArrayList<>();

    private record Running(String topic, AttemptConsumer consumer, Thread thread) {
    }

    AttemptWorkers(ConsumerFactory<?, ?> consumers, DeliveryTopics topics, JobRouter router,
            WebhookProperties properties, MeterRegistry meters) {
        this.consumers = consumers;
        this.topics = topics;
        this.router = router;
        this.properties = properties;
        this.meters = meters;
        for (String topic : topics.jobTopics()) {
            Gauge.builder("wagate.webhooks.backlog", this, workers -> workers.backlog(topic)).tag("topic", topic)
                    .description("Delivery jobs not yet finished, including those waiting to fall due")
                    .register(meters);
        }
        Gauge.builder("wagate.webhooks.in_flight", this, AttemptWorkers::inFlight)
                .description("Delivery jobs being attempted or deferred right now").register(meters);
    }

    /**
     * A paused partition resumes only when a poll returns, so the poll timeout bounds how late a retry starts: a
     * fifth of the shortest delay, between 50 ms and 1 s.
     */
    static Duration pollTimeout(List<Duration> schedule) {
        long shortest = schedule.stream().filter(delay -> !delay.isZero()).mapToLong(Duration::toMillis).min()
                .orElse(5000);
        return Duration.ofMillis(Math.clamp(shortest / 5, 50, 1000));
    }

    @Override
    public synchronized void start() {
        router.start();
        List<String> jobTopics = topics.jobTopics();
        for (int index = 0; index < jobTopics.size(); index++) {
            String topic = jobTopics.get(index);
            String group = properties.attemptGroupPrefix()
                    + (topic.equals(DeliveryTopics.DEFERRED) ? "deferred" : Integer.toString(index));
            Duration pollTimeout = pollTimeout(topic.equals(DeliveryTopics.DEFERRED) ? List.of(properties.busyDelay())
                    : properties.retrySchedule());
            for (int worker = 0; worker < properties.workersPerAttempt(); worker++) {
                AttemptConsumer consumer = new AttemptConsumer(create(group, worker), topic, router, pollTimeout,
                        properties.maxInFlight(), properties.shutdownGrace());
                Thread thread = Thread.ofPlatform().name("webhook-" + topic + "-" + worker).daemon(true)
                        .unstarted(consumer);
                thread.start();
                running.add(new Running(topic, consumer, thread));
            }
        }
    }

    /**
     * A plain client with the application's consumer settings. Not through the factory: its metrics listener would
     * export every client metric of every job-topic consumer (per partition), which the backlog gauges summarise.
     */
    private Consumer<String, byte[]> create(String group, int worker) {
        Map<String, Object> config = new HashMap<>(consumers.getConfigurationProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, group + "-" + worker);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public synchronized void stop() {
        running.forEach(each -> each.consumer().stop());
        long deadline = System.nanoTime() + properties.shutdownGrace().plusSeconds(10).toNanos();
        for (Running each : running) {
            try {
                each.thread().join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // Whatever is still running past the grace gives up without logging; its jobs were not committed.
        router.stop();
        running.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return !running.isEmpty();
    }

    private long backlog(String topic) {
        return running.stream().filter(each -> each.topic().equals(topic))
                .mapToLong(each -> each.consumer().backlog()).sum();
    }

    private double inFlight() {
        return running.stream().mapToLong(each -> each.consumer().inFlight()).sum();
    }
}
