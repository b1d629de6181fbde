package io.wagate.webhook.instance;

import java.util.UUID;
import reactor.core.publisher.Mono;

/** What must go when an instance or a tenant is deleted (endpoints); runs inside the projection's transaction. */
public interface InstanceRemoval {

    Mono<Void> removed(UUID instanceId);

    Mono<Void> tenantRemoved(UUID tenantId);
}
