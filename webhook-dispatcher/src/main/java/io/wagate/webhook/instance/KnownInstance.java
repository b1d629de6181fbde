package io.wagate.webhook.instance;

import java.util.UUID;

/** An instance as this service knows it. */
public record KnownInstance(UUID id, UUID tenantId, String name) {
}
