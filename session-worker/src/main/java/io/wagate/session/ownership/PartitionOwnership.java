package io.wagate.session.ownership;

import io.wagate.contracts.Topics;
import io.wagate.session.managed.SessionManager;
import io.wagate.session.state.SessionRow;
import io.wagate.session.state.SessionRows;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * Follows the group's assignment of {@code wa.session.commands}. Runs on the listener's consumer thread, which may
 * block: revocation waits until the released connections are closed, so the next owner never overlaps with us.
 */
@Component
public class PartitionOwnership implements ConsumerAwareRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(PartitionOwnership.class);
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(30);

    private final SessionRows rows;
    private final SessionManager sessions;
    private final OwnershipProperties properties;
    private volatile int partitionCount;

    PartitionOwnership(SessionRows rows, SessionManager sessions, OwnershipProperties properties) {
        this.rows = rows;
        this.sessions = sessions;
        this.properties = properties;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Set<Integer> assigned = commandPartitions(partitions);
        if (assigned.isEmpty()) {
            return;
        }
        partitionCount = consumer.partitionsFor(Topics.SESSION_COMMANDS).size();
        adopt(assigned, partitionCount);
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
        List<SessionRow> owned = rows.desiredConnected()
                .filter(row -> partitions.contains(Partitions.of(row.instanceId(), count)))
                .collectList()
                .block(LOAD_TIMEOUT);
        if (owned == null || owned.isEmpty()) {
            return;
        }
        long spread = Math.max(1, properties.adoptionSpread().toMillis());
        owned.forEach(row -> sessions.adopt(row, ThreadLocalRandom.current().nextLong(spread)));
        log.info("Adopting {} sessions of partitions {}", owned.size(), partitions);
    }

    /** Closes the sessions on the given partitions. */
    public void release(Set<Integer> partitions, int count) {
        if (partitions.isEmpty() || count == 0) {
            return;
        }
        sessions.release(instanceId -> partitions.contains(Partitions.of(instanceId, count)));
    }

    private static Set<Integer> commandPartitions(Collection<TopicPartition> partitions) {
        return partitions.stream().filter(partition -> partition.topic().equals(Topics.SESSION_COMMANDS))
                .map(TopicPartition::partition).collect(Collectors.toSet());
    }
}
