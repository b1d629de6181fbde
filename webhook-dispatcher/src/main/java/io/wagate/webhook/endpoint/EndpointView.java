package io.wagate.webhook.endpoint;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An endpoint as the API shows it. {@code secret} is present only in the answers to create and rotate: it is never
 * readable again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EndpointView(UUID id, @Nullable String instance, String url, List<String> eventTypes, boolean enabled,
        @Nullable String disabledReason, @Nullable Instant failingSince, Map<String, String> headers,
        @Nullable Instant previousSecretExpiresAt,
        Instant createdAt, Instant updatedAt, @Nullable String secret) {

    static EndpointView of(Endpoint endpoint, @Nullable String secret) {
        Instant overlap = endpoint.previousSecretAt(Instant.now()) == null ? null : endpoint.previousSecretExpiresAt();
        return new EndpointView(endpoint.id(), endpoint.instanceName(), endpoint.url(), endpoint.eventTypes(),
                endpoint.enabled(), endpoint.disabledReason(), endpoint.failingSince(), endpoint.headers(), overlap, endpoint.createdAt(),
                endpoint.updatedAt(), secret);
    }
}
