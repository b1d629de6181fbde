package io.wagate.contracts.platform;

import io.wagate.contracts.EventData;
import io.wagate.contracts.EventType;
import java.util.UUID;

/** A tenant (organization) signed up; {@code ownerUserId} is its first OWNER. */
@EventType("io.wagate.tenant.created.v1")
public record TenantCreated(UUID tenantId, String name, UUID ownerUserId) implements EventData {
}
