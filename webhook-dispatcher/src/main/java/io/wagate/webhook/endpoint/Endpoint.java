package io.wagate.webhook.endpoint;

import io.wagate.webhook.event.PublicEventType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A stored endpoint. The secrets are ciphertexts (see {@code SecretCipher}).
 *
 * @param instanceName the instance's name from the projection; null only if the instance is gone meanwhile
 */
public record Endpoint(UUID id, UUID tenantId, UUID instanceId, @Nullable String instanceName, String url,
        List<String> eventTypes, byte[] secret, byte @Nullable [] previousSecret,
        @Nullable Instant previousSecretExpiresAt, boolean enabled, @Nullable String disabledReason,
        @Nullable Instant failingSince, Map<String, String> headers, Instant createdAt, Instant updatedAt) {

    public Endpoint {
        eventTypes = List.copyOf(eventTypes);
        headers = Map.copyOf(headers);
    }

    public boolean accepts(PublicEventType type) {
        return eventTypes.contains(PublicEventType.ALL) || eventTypes.contains(type.wire());
    }

    /** The previous secret's ciphertext while its overlap lasts. */
    public byte @Nullable [] previousSecretAt(Instant now) {
        return previousSecret != null && previousSecretExpiresAt != null && previousSecretExpiresAt.isAfter(now)
                ? previousSecret : null;
    }
}
