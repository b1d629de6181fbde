package io.wagate.session.ownership;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.common.utils.Utils;

/** The partition Kafka's default partitioner picks for an instance id key (murmur2, as producers do). */
public final class Partitions {

    private Partitions() {
    }

    public static int of(UUID instanceId, int partitionCount) {
        return Utils.toPositive(Utils.murmur2(instanceId.toString().getBytes(StandardCharsets.UTF_8)))
                % partitionCount;
    }
}
