package io.wagate.auth.apikey;

import io.wagate.auth.apikey.internal.ApiKeyRow;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Response bodies of the API-key endpoints; none but {@link Created} carries a secret, and it only once. */
final class ApiKeyViews {

    private ApiKeyViews() {
    }

    record ApiKey(UUID id, String name, UUID instanceId, String prefix, String environment, List<String> scopes,
            String status, Instant createdAt, @Nullable Instant expiresAt, @Nullable Instant revokedAt,
            @Nullable String revokeReason, @Nullable Instant retireAt, @Nullable UUID replacesKeyId,
            @Nullable Instant lastUsedAt) {

        static ApiKey of(ApiKeyRow row, Instant now) {
            return new ApiKey(row.id(), row.name(), row.instanceId(), row.prefix(), row.environment(), row.scopes(),
                    row.status(now), row.createdAt(), row.expiresAt(), row.revokedAt(), row.revokeReason(),
                    row.retireAt(), row.replacesKeyId(), row.lastUsedAt());
        }
    }

    /** The new key: {@code key} is the only time the secret is shown. */
    record Created(String key, ApiKey apiKey) {
    }

    /** The gateway's answer; inactive keys say nothing else. */
    record Introspection(boolean active, @Nullable UUID keyId, @Nullable UUID tenantId, @Nullable UUID instanceId,
            @Nullable List<String> scopes, @Nullable Instant expiresAt) {

        static Introspection inactive() {
            return new Introspection(false, null, null, null, null, null);
        }
    }
}
