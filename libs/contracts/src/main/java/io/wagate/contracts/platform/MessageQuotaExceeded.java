package io.wagate.contracts.platform;

import io.wagate.contracts.EventData;
import io.wagate.contracts.EventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The tenant used its daily message quota; sends are refused until {@code resetsAt}. */
@EventType("io.wagate.subscription.quota_exceeded.v1")
public record MessageQuotaExceeded(UUID tenantId, LocalDate day, long quota, long used, Instant resetsAt)
        implements EventData {
}
