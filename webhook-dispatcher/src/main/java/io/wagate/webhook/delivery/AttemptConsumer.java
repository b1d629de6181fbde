package io.wagate.webhook.delivery;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * One consumer of one job topic, on its own thread. It never waits for a request: a due job is handed to the
 * {@link JobRouter} and the consumer goes on with the next record, so a hanging endpoint holds only its own requests
 * (at most its concurrency cap), never the endpoints behind it in the partition. Offsets are committed up to the
 * oldest job still in flight ({@link PartitionProgress}). A record that is not due yet pauses its partition (the
 * topic's records fall due in order) until it is, at most {@link #MAX_PAUSE} at a time.
 */
final class AttemptConsumer implements Runnable {

    private static final Duration MAX_PAUSE = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(AttemptConsumer.class);

    private final Consumer<String, byte[]> consumer;
    private final String topic;
    private final JobRouter router;
    private final Duration pollTimeout;
    private final int maxInFlight;
    private final Duration shutdownGrace;
    private final Map<TopicPartition, PartitionProgress> progress = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> pausedUntil = new HashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong backlog = new AtomicLong();
    /** Signalled when a job finishes, so that a saturated consumer fetches again at once rather than after a poll. */
    private final Object capacity = new Object();
    private volatile boolean running = true;

    AttemptConsumer(Consumer<String, byte[]> consumer, String topic, JobRouter router, Duration pollTimeout,
            int maxInFlight, Duration shutdownGrace) {
        this.consumer = consumer;
        this.topic = topic;
        this.router = router;
        this.pollTimeout = pollTimeout;
        this.maxInFlight = maxInFlight;
        this.shutdownGrace = shutdownGrace;
    }

    /** Records of the topic not yet consumed by this consumer's partitions (including those waiting to fall due). */
    long backlog() {
        return backlog.get();
    }

    int inFlight() {
        return inFlight.get();
    }

    /** Asks the loop to end; {@link #run()} then waits for the work in flight (up to the grace) and commits. */
    void stop() {
        running = false;
        consumer.wakeup();
        synchronized (capacity) {
            capacity.notifyAll();
        }
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topic), new Rebalance());
            while (running) {
                try {
                    pollOnce();
                } catch (WakeupException e) {
                    // stop() was called
                } catch (RuntimeException e) {
                    log.error("Webhook consumer of {} failed, polling again in 1 s", topic, e);
                    sleep(Duration.ofSeconds(1));
                }
            }
            finish();
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void pollOnce() {
        awaitCapacity();
        updatePauses();
        ConsumerRecords<String, byte[]> records = consumer.poll(pollTimeout);
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                if (!take(partition, record)) {
                    break;
                }
            }
        }
        commit(false);
        long lag = 0;
        for (TopicPartition partition : consumer.assignment()) {
            lag += consumer.currentLag(partition).orElse(0);
        }
        backlog.set(lag + inFlight.get());
    }

    /** Takes up one record; false when it is not due yet (the partition is then rewound and paused). */
    private boolean take(TopicPartition partition, ConsumerRecord<String, byte[]> record) {
        PartitionProgress partitionProgress = progress.computeIfAbsent(partition,
                any -> new PartitionProgress(record.offset()));
        DeliveryJob job;
        try {
            job = DeliveryJob.decode(record.value());
        } catch (JacksonException e) {
            log.error("Skipping undecodable delivery job {}-{}@{}", record.topic(), record.partition(), record.offset());
            partitionProgress.skipped(record.offset());
            return true;
        }
        long now = System.currentTimeMillis();
        if (job.dueAtMillis() > now) {
            consumer.seek(partition, record.offset());
            pausedUntil.put(partition, Math.min(job.dueAtMillis(), now + MAX_PAUSE.toMillis()));
            consumer.pause(List.of(partition));
            return false;
        }
        partitionProgress.started(record.offset());
        inFlight.incrementAndGet();
        router.route(job, new Finish(partitionProgress, record.offset()));
        return true;
    }

    /** Ends a job's stay in flight; a done job also lets its offset be committed. */
    private final class Finish implements JobRouter.Completion {

        private final PartitionProgress partitionProgress;
        private final long offset;

        Finish(PartitionProgress partitionProgress, long offset) {
            this.partitionProgress = partitionProgress;
            this.offset = offset;
        }

        @Override
        public void done() {
            partitionProgress.finished(offset);
            left();
        }

        @Override
        public void abandoned() {
            left();
        }

        private void left() {
            // Only the job that brings the count below the limit wakes the consumer: a saturated consumer is the
            // normal state under load, and a monitor and a wake-up per finished job were the largest single cost.
            if (inFlight.getAndDecrement() == maxInFlight) {
                synchronized (capacity) {
                    capacity.notifyAll();
                }
            }
        }
    }

    /**
     * While too many jobs are in flight, waits for one to finish (at most a poll timeout, so that commits and
     * due partitions are still looked after): a paused consumer's poll would otherwise sleep its whole timeout.
     */
    private void awaitCapacity() {
        long deadline = System.nanoTime() + pollTimeout.toNanos();
        synchronized (capacity) {
            while (running && inFlight.get() >= maxInFlight) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    capacity.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Resumes partitions whose head record fell due; pauses everything while too many jobs are in flight. */
    private void updatePauses() {
        long now = System.currentTimeMillis();
        pausedUntil.values().removeIf(until -> until <= now);
        Set<TopicPartition> assigned = consumer.assignment();
        boolean saturated = inFlight.get() >= maxInFlight;
        Set<TopicPartition> resume = new HashSet<>();
        for (TopicPartition partition : assigned) {
            if (!saturated && !pausedUntil.containsKey(partition)) {
                resume.add(partition);
            }
        }
        Set<TopicPartition> pause = new HashSet<>(assigned);
        pause.removeAll(resume);
        consumer.pause(pause);
        consumer.resume(resume);
    }

    private void commit(boolean sync) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        progress.forEach((partition, partitionProgress) -> {
            long offset = partitionProgress.toCommit();
            if (offset >= 0) {
                offsets.put(partition, new OffsetAndMetadata(offset));
            }
        });
        if (offsets.isEmpty()) {
            return;
        }
        if (sync) {
            consumer.commitSync(offsets);
        } else {
            consumer.commitAsync(offsets, (committed, error) -> {
                if (error != null) {
                    log.warn("Committing webhook job offsets of {} failed (retried with the next commit): {}", topic,
                            error.toString());
                }
            });
        }
    }

    /** Waits (up to the grace) for the work in flight, then commits what is finished; the rest is consumed again. */
    private void finish() {
        long deadline = System.nanoTime() + shutdownGrace.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(20));
        }
        try {
            commit(true);
        } catch (RuntimeException e) {
            log.warn("Final commit of webhook job offsets of {} failed: {}", topic, e.toString());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Commits what is finished before partitions move to another consumer; their jobs in flight may repeat there. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            try {
                commit(true);
            } catch (RuntimeException e) {
                log.warn("Commit before a rebalance of {} failed: {}", topic, e.toString());
            }
            forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        }

        private void forget(Collection<TopicPartition> partitions) {
            partitions.forEach(partition -> {
                progress.remove(partition);
                pausedUntil.remove(partition);
            });
        }
    }
}
