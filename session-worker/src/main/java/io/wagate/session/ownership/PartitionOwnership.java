package io.wagate.session.ownership;

import io.wagate.session.managed.SessionManager;
import io.wagate.session.state.SessionRow;
import io.wagate.session.state.SessionRows;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Follows the group's assignment of the commands topic. Runs on the listener's consumer thread, which may block:
 * revocation waits until the released connections are closed, so the next owner never overlaps with us. Adoption
 * loads the assigned partitions' sessions there and starts their connects on a virtual thread ({@link Adoption}).
 */
@Component
public class PartitionOwnership implements ConsumerAwareRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(PartitionOwnership.class);
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(30);

    private final SessionRows rows;
    private final SessionManager sessions;
    private final OwnershipProperties properties;
    private final AdoptionProgress progress;
    private final Semaphore connectSlots;
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    /** An adopted connect and a release of its partition never interleave: a released session stays closed. */
    private final ReentrantLock handover = new ReentrantLock();
    private volatile int partitionCount;

    PartitionOwnership(SessionRows rows, SessionManager sessions, OwnershipProperties properties,
            AdoptionProgress progress) {
        this.rows = rows;
        this.sessions = sessions;
        this.properties = properties;
        this.progress = progress;
        this.connectSlots = new Semaphore(properties.adoptionConcurrency());
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        AdoptionProgress.Adopting adopting = progress.begin();
        try {
            Set<Integer> assigned = commandPartitions(partitions);
            if (assigned.isEmpty()) {
                adopting.done();
                return;
            }
            partitionCount = consumer.partitionsFor(properties.commandsTopic()).size();
            adopt(assigned, partitionCount, adopting);
        } catch (RuntimeException e) {
            adopting.done();
            throw e;
        }
    }

    @Override
    public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        release(commandPartitions(partitions), partitionCount);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        release(commandPartitions(partitions), partitionCount);
    }

    /** Connects the instances on the given partitions whose desired state is connected. */
    public void adopt(Set<Integer> partitions, int count) {
        adopt(partitions, count, progress.begin());
    }

    private void adopt(Set<Integer> partitions, int count, AdoptionProgress.Adopting adopting) {
        owned.addAll(partitions);
        storeMissingPartitions(count);
        List<SessionRow> wanted = rows.desiredConnected(partitions).collectList().block(LOAD_TIMEOUT);
        if (wanted == null || wanted.isEmpty()) {
            adopting.done();
            return;
        }
        log.info("Adopting {} sessions of partitions {}", wanted.size(), partitions);
        Thread.ofVirtual().name("adoption-" + partitions).start(new Adoption(wanted, properties.adoptionSpread(),
                connectSlots, properties.adoptionAttemptTimeout(), row -> connectIfOwned(row, count),
                adopting::done));
    }

    /** Closes the sessions on the given partitions. */
    public void release(Set<Integer> partitions, int count) {
        if (partitions.isEmpty() || count == 0) {
            return;
        }
        handover.lock();
        try {
            owned.removeAll(partitions);
            sessions.release(instanceId -> partitions.contains(Partitions.of(instanceId, count)));
        } finally {
            handover.unlock();
        }
    }

    private Optional<CompletableFuture<Void>> connectIfOwned(SessionRow row, int count) {
        handover.lock();
        try {
            if (!owned.contains(Partitions.of(row.instanceId(), count))) {
                return Optional.empty();
            }
            return Optional.of(sessions.adopt(row));
        } finally {
            handover.unlock();
        }
    }

    /** Rows written before the partition column existed get it now, computed like the producers' partitioner. */
    private void storeMissingPartitions(int count) {
        List<UUID> missing = rows.withoutPartition().collectList().block(LOAD_TIMEOUT);
        if (missing == null || missing.isEmpty()) {
            return;
        }
        Flux.fromIterable(missing)
                .concatMap(id -> rows.storePartition(id, Partitions.of(id, count)))
                .then().block(LOAD_TIMEOUT);
        log.info("Stored the partition of {} sessions", missing.size());
    }

    private Set<Integer> commandPartitions(Collection<TopicPartition> partitions) {
        return partitions.stream().filter(partition -> partition.topic().equals(properties.commandsTopic()))
                .map(TopicPartition::partition).collect(Collectors.toSet());
    }
}
