package io.wagate.auth.audit;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One fact for the audit trail.
 *
 * @param tenantId the tenant whose admins may read it; null when no tenant is known (a login for an unknown email)
 * @param actor {@code user:<id>}, {@code key:<id>}, {@code email:<address>} or {@code system}
 * @param ip the client address the gateway forwarded, when the fact comes from a request
 * @param details identifiers and names only, never secrets
 */
public record AuditEntry(@Nullable UUID tenantId, String actor, AuditType type, @Nullable String ip,
        Map<String, ?> details) {

    public AuditEntry {
        details = Map.copyOf(details);
    }
}
