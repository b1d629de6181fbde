package io.wagate.contracts.platform;

import io.wagate.contracts.EventData;
import io.wagate.contracts.EventType;
import java.util.List;
import java.util.UUID;

/** An API key was issued for an instance. Carries the lookup prefix only, never the secret. */
@EventType("io.wagate.apikey.created.v1")
public record ApiKeyCreated(UUID keyId, UUID tenantId, UUID instanceId, String prefix, List<String> scopes)
        implements EventData {
}
