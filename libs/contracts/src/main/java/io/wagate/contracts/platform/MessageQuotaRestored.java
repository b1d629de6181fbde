package io.wagate.contracts.platform;

import io.wagate.contracts.EventData;
import io.wagate.contracts.EventType;
import java.time.LocalDate;
import java.util.UUID;

/** A new period began (or the plan grew): sends are allowed again. */
@EventType("io.wagate.subscription.quota_restored.v1")
public record MessageQuotaRestored(UUID tenantId, LocalDate day) implements EventData {
}
