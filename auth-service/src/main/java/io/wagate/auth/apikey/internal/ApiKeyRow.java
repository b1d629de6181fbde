package io.wagate.auth.apikey.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A stored key (the hash never leaves the service). */
public record ApiKeyRow(UUID id, UUID tenantId, UUID instanceId, String name, String prefix, String environment,
        byte[] secretHash, List<String> scopes, Instant createdAt, @Nullable Instant expiresAt,
        @Nullable Instant revokedAt, @Nullable String revokeReason, @Nullable Instant retireAt,
        @Nullable UUID replacesKeyId, @Nullable Instant lastUsedAt) {

    /** Valid at {@code now}: not revoked, not expired, not past the end of a rotation overlap. */
    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now))
                && (retireAt == null || retireAt.isAfter(now));
    }

    /** When the key stops being valid by itself: the earlier of expiry and retirement. */
    public @Nullable Instant validUntil() {
        if (expiresAt == null) {
            return retireAt;
        }
        return retireAt == null || expiresAt.isBefore(retireAt) ? expiresAt : retireAt;
    }

    public String status(Instant now) {
        if (revokedAt != null) {
            return "revoked";
        }
        if (!activeAt(now)) {
            return "expired";
        }
        return retireAt != null ? "retiring" : "active";
    }

    @Override
    public String toString() {
        return "ApiKeyRow[id=" + id + ", prefix=" + prefix + "]";
    }
}
