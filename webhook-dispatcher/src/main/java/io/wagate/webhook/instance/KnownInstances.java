package io.wagate.webhook.instance;

import io.wagate.webhook.instance.internal.KnownInstanceRows;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Lookups in the instance projection; another tenant's instance is simply not found. */
@Service
public class KnownInstances {

    private final KnownInstanceRows rows;

    KnownInstances(KnownInstanceRows rows) {
        this.rows = rows;
    }

    public Mono<KnownInstance> byName(UUID tenantId, String name) {
        return rows.byName(tenantId, name);
    }

    public Mono<KnownInstance> byId(UUID id) {
        return rows.byId(id);
    }

    Mono<Void> upsert(KnownInstance instance) {
        return rows.upsert(instance);
    }

    Mono<Void> delete(UUID id) {
        return rows.delete(id);
    }

    Mono<Void> deleteTenant(UUID tenantId) {
        return rows.deleteTenant(tenantId);
    }
}
