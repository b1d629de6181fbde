package io.wagate.webhook.delivery;

import io.wagate.webhook.WebhookProperties;
import io.wagate.webhook.endpoint.Endpoint;
import io.wagate.webhook.endpoint.Endpoints;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Endpoints with their decrypted signing secrets, kept for {@code endpoint-cache-ttl} (1 s): loading them is a
 * query and a decryption per delivery otherwise, the largest cost of a delivery after the request itself. Changes
 * made through the API (disabling, a new URL, a rotation) therefore reach deliveries up to that long later; this
 * replica's own changes (a failure, disabling) drop the entry at once.
 */
@Component
class EndpointCache {

    /** Above this many entries, expired ones are dropped when another is added. */
    private static final int TIDY_ABOVE = 10_000;

    /** An endpoint to deliver to (null when it is deleted or disabled) and its secrets. */
    record Loaded(@Nullable Endpoint endpoint, List<String> secrets, long expiresAtNanos) {
    }

    private final Endpoints endpoints;
    private final long ttlNanos;
    private final ConcurrentHashMap<UUID, Loaded> entries = new ConcurrentHashMap<>();

    EndpointCache(Endpoints endpoints, WebhookProperties properties) {
        this.endpoints = endpoints;
        this.ttlNanos = properties.endpointCacheTtl().toNanos();
    }

    Mono<Loaded> get(UUID endpointId) {
        long now = System.nanoTime();
        Loaded cached = entries.get(endpointId);
        if (cached != null && cached.expiresAtNanos() - now > 0) {
            return Mono.just(cached);
        }
        return endpoints.find(endpointId)
                .filter(Endpoint::enabled)
                .flatMap(endpoint -> endpoints.signingSecrets(endpoint).collectList()
                        .map(secrets -> new Loaded(endpoint, secrets, now + ttlNanos)))
                .defaultIfEmpty(new Loaded(null, List.of(), now + ttlNanos))
                .doOnNext(loaded -> put(endpointId, loaded, now));
    }

    void forget(UUID endpointId) {
        entries.remove(endpointId);
    }

    private void put(UUID endpointId, Loaded loaded, long now) {
        if (ttlNanos <= 0) {
            return;
        }
        if (entries.size() > TIDY_ABOVE) {
            entries.values().removeIf(entry -> entry.expiresAtNanos() - now <= 0);
        }
        entries.put(endpointId, loaded);
    }
}
