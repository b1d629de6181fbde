package io.wagate.session.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.contracts.Topics;
import io.wagate.contracts.session.ConnectSession;
import io.wagate.contracts.session.Engine;
import io.wagate.contracts.session.QrCodeUpdated;
import io.wagate.contracts.session.SessionReason;
import io.wagate.contracts.session.SessionStatus;
import io.wagate.contracts.session.SessionStatusChanged;
import io.wagate.session.SessionWorkerIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;

class PartitionOwnershipTests extends SessionWorkerIntegrationTest {

    private static final int PARTITIONS = 12;

    @Autowired
    PartitionOwnership ownership;

    @Test
    void anAssignedPartitionsWantedSessionsConnectAndARevokedOnesClose() {
        Instance instance = newInstance();
        database.sql("INSERT INTO sessions (instance_id, tenant_id, instance_name, engine, desired_state) "
                        + "VALUES (:id, :tenant, :name, 'sandbox', 'CONNECTED')")
                .bind("id", instance.id()).bind("tenant", instance.tenantId()).bind("name", instance.name())
                .fetch().rowsUpdated().block(WAIT);
        int partition = Partitions.of(instance.id(), PARTITIONS);

        ownership.adopt(Set.of(partition), PARTITIONS);
        // A row without a stored partition (written before the column existed) gets it on adoption.
        assertThat(count("SELECT partition::bigint FROM sessions WHERE instance_id = :id", instance.id()))
                .isEqualTo(partition);
        SessionStatusChanged pairing = events.awaitStatus(instance.id(), SessionStatus.QR_REQUIRED,
                SessionReason.PAIRING);
        assertThat(pairing.previous()).isEqualTo(SessionStatus.INIT);
        events.awaitData(instance.id(), QrCodeUpdated.class, qr -> qr.index() == 1);

        ownership.release(Set.of(partition), PARTITIONS);
        // release() returns once the connection closed and reported it.
        assertThat(events.awaitStatus(instance.id(), SessionStatus.DISCONNECTED, SessionReason.WORKER_SHUTDOWN,
                pairing.sequence()).previous()).isEqualTo(SessionStatus.QR_REQUIRED);
    }

    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    KafkaAdmin kafka;

    @Test
    void aConnectCommandStoresTheInstancesCommandPartition() {
        Instance instance = newInstance();
        command(instance, new ConnectSession(instance.name(), Engine.SANDBOX, "system"));
        events.awaitData(instance.id(), QrCodeUpdated.class, any -> true);
        int partitions = kafka.describeTopics(Topics.SESSION_COMMANDS).get(Topics.SESSION_COMMANDS).partitions()
                .size();

        assertThat(count("SELECT partition::bigint FROM sessions WHERE instance_id = :id", instance.id()))
                .isEqualTo(Partitions.of(instance.id(), partitions));
        disconnect(instance);
    }

    @Test
    void followsTheCommandListenersRebalances() {
        assertThat(listeners.getListenerContainers()).singleElement().satisfies(container -> assertThat(
                container.getContainerProperties().getConsumerRebalanceListener()).isSameAs(ownership));
    }

    @Test
    void partitionsFollowTheProducersPartitioner() {
        for (int i = 0; i < 200; i++) {
            UUID id = UUID.randomUUID();
            assertThat(Partitions.of(id, PARTITIONS)).isEqualTo(BuiltInPartitioner.partitionForKey(
                    id.toString().getBytes(StandardCharsets.UTF_8), PARTITIONS));
        }
    }
}
