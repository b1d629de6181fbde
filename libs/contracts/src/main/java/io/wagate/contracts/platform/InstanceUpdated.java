package io.wagate.contracts.platform;

import io.wagate.contracts.EventData;
import io.wagate.contracts.EventType;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An instance's descriptive fields changed. */
@EventType("io.wagate.instance.updated.v1")
public record InstanceUpdated(UUID instanceId, UUID tenantId, String name, @Nullable String description)
        implements EventData {
}
