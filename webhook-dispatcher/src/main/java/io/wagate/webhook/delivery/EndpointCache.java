package io.wagate.webhook.delivery;

import io.wagate.webhook.WebhookProperties;
import io.wagate.webhook.endpoint.Endpoint;
import io.wagate.webhook.endpoint.Endpoints;
import io.wagate.webhook.signing.StandardWebhooksSigner;
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

    /** An endpoint to deliver to (null when it is deleted or disabled) and its signing keys (null with it). */
    record Loaded(@Nullable Endpoint endpoint, StandardWebhooksSigner.@Nullable Prepared signer,
            long expiresAtNanos) {
    }

    private final Endpoints endpoints;
    private final long ttlNanos;
    private final ConcurrentHashMap<UUID, Loaded> entries = new ConcurrentHashMap<>();

    EndpointCache(Endpoints endpoints, WebhookProperties properties) {
        this.endpoints = endpoints;
        this.ttlNanos = properties.endpointCacheTtl().toNanos();
    }

    /** The cached entry if it is still fresh, else null (then {@link #load}). */
    @Nullable Loaded fresh(UUID endpointId) {
        Loaded cached = entries.get(endpointId);
        return cached != null && cached.expiresAtNanos() - System.nanoTime() > 0 ? cached : null;
    }

    /** The endpoint from the database, cached for the next deliveries. */
    Mono<Loaded> load(UUID endpointId) {
        long now = System.nanoTime();
        return endpoints.find(endpointId)
                .filter(Endpoint::enabled)
                .flatMap(endpoint -> endpoints.signingSecrets(endpoint).collectList()
                        .map(secrets -> new Loaded(endpoint, StandardWebhooksSigner.prepare(secrets),
                                now + ttlNanos)))
                .defaultIfEmpty(new Loaded(null, null, now + ttlNanos))
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
