package io.wagate.contracts.platform;

import io.wagate.contracts.EventData;
import io.wagate.contracts.EventType;
import java.util.UUID;

/** A tenant was closed; every service drops what it holds for it. */
@EventType("io.wagate.tenant.deleted.v1")
public record TenantDeleted(UUID tenantId) implements EventData {
}
