package io.wagate.gateway.apikey;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What an active API key allows, as auth-service's introspection answered it.
 *
 * @param keyId the key's id (never the secret)
 * @param tenantId the tenant owning the key
 * @param instanceId the one instance the key acts on
 * @param scopes what the key may do ({@code messages:send}, ...)
 * @param expiresAt when the key stops working by itself, if ever
 */
public record ApiKeyGrant(UUID keyId, UUID tenantId, UUID instanceId, Set<String> scopes,
        @Nullable Instant expiresAt) {

    public ApiKeyGrant {
        scopes = Set.copyOf(scopes);
    }
}
