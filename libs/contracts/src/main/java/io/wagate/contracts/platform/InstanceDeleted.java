package io.wagate.contracts.platform;

import io.wagate.contracts.EventData;
import io.wagate.contracts.EventType;
import java.util.UUID;

/** An instance was deleted: its API keys, webhooks and session state are removed by their owners. */
@EventType("io.wagate.instance.deleted.v1")
public record InstanceDeleted(UUID instanceId, UUID tenantId, String name) implements EventData {
}
