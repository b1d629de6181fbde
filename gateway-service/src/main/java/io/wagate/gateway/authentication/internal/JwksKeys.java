package io.wagate.gateway.authentication.internal;

import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.Key;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * auth-service's signing keys, fetched from its JWKS endpoint and kept in memory. A token signed with a key id the
 * gateway does not know triggers a fetch (that is how a rotation is picked up), but at most one per
 * {@code minRefetchInterval}, and concurrent callers share one fetch. When auth-service cannot be reached the keys
 * already known keep working: an auth-service outage must not sign everybody out.
 */
public final class JwksKeys {

    private static final Logger log = LoggerFactory.getLogger(JwksKeys.class);

    private record Snapshot(Map<String, PublicKey> keys, Instant fetchedAt) {
    }

    private final WebClient http;
    private final String jwksPath;
    private final Duration maxAge;
    private final Duration minRefetchInterval;
    private final Duration fetchTimeout;
    private final Clock clock;
    private final MeterRegistry meters;
    private final AtomicReference<Snapshot> current = new AtomicReference<>(new Snapshot(Map.of(), Instant.EPOCH));
    private final Object fetchLock = new Object();
    private @Nullable Mono<Snapshot> inFlight;
    private Instant lastFetchStarted = Instant.EPOCH;

    public JwksKeys(WebClient http, String jwksPath, Duration maxAge, Duration minRefetchInterval, Duration fetchTimeout,
            Clock clock, MeterRegistry meters) {
        this.http = http;
        this.jwksPath = jwksPath;
        this.maxAge = maxAge;
        this.minRefetchInterval = minRefetchInterval;
        this.fetchTimeout = fetchTimeout;
        this.clock = clock;
        this.meters = meters;
    }

    /** The key with this id, fetching the key set when needed; empty when auth-service does not publish it. */
    public Mono<PublicKey> key(String kid) {
        Snapshot snapshot = current.get();
        PublicKey known = snapshot.keys().get(kid);
        Instant now = clock.instant();
        boolean stale = now.isAfter(snapshot.fetchedAt().plus(maxAge));
        if (known != null && !stale) {
            return Mono.just(known);
        }
        if (!mayRefetch(now)) {
            // Also when the set is stale: while auth-service is failing, retry at the refetch pace, not per request.
            return Mono.justOrEmpty(known);
        }
        return fetch()
                .mapNotNull(fresh -> fresh.keys().get(kid))
                .onErrorResume(error -> Mono.justOrEmpty(known));
    }

    /** The key as last fetched, for the JWT parser's key locator (after {@link #key} made sure it is there). */
    public @Nullable PublicKey known(String kid) {
        return current.get().keys().get(kid);
    }

    private boolean mayRefetch(Instant now) {
        synchronized (fetchLock) {
            return inFlight != null || !now.isBefore(lastFetchStarted.plus(minRefetchInterval));
        }
    }

    private Mono<Snapshot> fetch() {
        synchronized (fetchLock) {
            if (inFlight != null) {
                return inFlight;
            }
            lastFetchStarted = clock.instant();
            Mono<Snapshot> fetch = http.get().uri(jwksPath)
                    .retrieve()
                    .bodyToMono(String.class)
                    .timeout(fetchTimeout)
                    .map(this::parse)
                    .doOnNext(snapshot -> {
                        current.set(snapshot);
                        meters.counter("wagate.gateway.jwks.fetch", "outcome", "success").increment();
                        log.info("Fetched auth-service's signing keys: {}", snapshot.keys().keySet());
                    })
                    .doOnError(error -> {
                        meters.counter("wagate.gateway.jwks.fetch", "outcome", "failure").increment();
                        log.warn("Fetching auth-service's signing keys failed: {}", error.toString());
                    })
                    .doFinally(signal -> {
                        synchronized (fetchLock) {
                            inFlight = null;
                        }
                    })
                    .cache();
            inFlight = fetch;
            return fetch;
        }
    }

    private Snapshot parse(String json) {
        JwkSet set = Jwks.setParser().build().parse(json);
        Map<String, PublicKey> keys = new HashMap<>();
        for (Jwk<?> jwk : set.getKeys()) {
            Key key = jwk.toKey();
            // Only asymmetric public keys: a symmetric or private key in the set would be a publishing mistake.
            if (jwk.getId() != null && key instanceof PublicKey publicKey) {
                keys.put(jwk.getId(), publicKey);
            }
        }
        return new Snapshot(Map.copyOf(keys), clock.instant());
    }
}
