package io.wagate.contracts.platform;

import io.wagate.contracts.EventData;
import io.wagate.contracts.EventType;
import java.util.UUID;

/** An API key stopped being valid (revoked, rotated out or its instance deleted); caches evict it at once. */
@EventType("io.wagate.apikey.revoked.v1")
public record ApiKeyRevoked(UUID keyId, UUID tenantId, UUID instanceId, String prefix, String reason)
        implements EventData {
}
