package io.wagate.contracts.webhook;

import io.wagate.contracts.EventData;
import io.wagate.contracts.EventType;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The platform stopped delivering to a webhook endpoint: it answered 410 Gone ({@code reason} {@code gone}) or
 * had no success for too long ({@code failing}, with the start of its failure run in {@code failingSince}). The
 * tenant has to re-enable it; events in between are not delivered.
 */
@EventType("io.wagate.webhook.endpoint_disabled.v1")
public record WebhookEndpointDisabled(UUID endpointId, UUID tenantId, UUID instanceId, String reason,
        @Nullable Instant failingSince, Instant disabledAt) implements EventData {
}
