package io.wagate.session.events;

import java.util.UUID;

/** What every session event's envelope names: the tenant, the instance and its name (the subject). */
public record SessionIdentity(UUID instanceId, UUID tenantId, String instanceName) {
}
