package io.wagate.auth.membership;

import io.wagate.auth.shared.Role;
import java.time.Instant;
import java.util.UUID;

/** One user's role in one tenant. */
public record Membership(UUID tenantId, String tenantName, UUID userId, Role role, Instant since) {
}
