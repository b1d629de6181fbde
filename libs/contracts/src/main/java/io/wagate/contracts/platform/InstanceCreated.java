package io.wagate.contracts.platform;

import io.wagate.contracts.EventData;
import io.wagate.contracts.EventType;
import io.wagate.contracts.session.Engine;
import java.util.UUID;

/** A tenant created an instance (a slot for one linked WhatsApp number). */
@EventType("io.wagate.instance.created.v1")
public record InstanceCreated(UUID instanceId, UUID tenantId, String name, Engine engine) implements EventData {
}
