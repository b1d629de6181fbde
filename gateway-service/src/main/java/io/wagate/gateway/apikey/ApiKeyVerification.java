package io.wagate.gateway.apikey;

import io.micrometer.core.instrument.MeterRegistry;
import io.wagate.gateway.apikey.internal.IntrospectionCache;
import io.wagate.gateway.apikey.internal.IntrospectionClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * Checks API keys: auth-service's introspection answer, reused from Redis for a short while (keyed by the key's
 * SHA-256, never the key itself). A revocation event evicts the cached answer at once
 * ({@link io.wagate.gateway.apikey.internal.ApiKeyRevokedListener}). When Redis is unavailable every request is
 * introspected: slower, but a revoked key is never accepted for longer than with the cache.
 */
public class ApiKeyVerification {

    /** {@code wg_live_<prefix>_<secret>} or {@code wg_test_...}; anything else is not sent to auth-service at all. */
    private static final Pattern FORMAT = Pattern.compile("wg_(live|test)_[A-Za-z0-9]+_[A-Za-z0-9_\\-]+");
    private static final int MAX_LENGTH = 256;

    private final IntrospectionCache cache;
    private final IntrospectionClient client;
    private final ApiKeyProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    public ApiKeyVerification(IntrospectionCache cache, IntrospectionClient client, ApiKeyProperties properties,
            Clock clock, MeterRegistry meters) {
        this.cache = cache;
        this.client = client;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    /** Whether the value looks like an API key (as opposed to a JWT). */
    public static boolean looksLikeApiKey(String credential) {
        return credential.startsWith("wg_");
    }

    /**
     * The grant of an active key, empty for an unknown, revoked or expired one, or a 503 problem when auth-service
     * cannot answer and nothing is cached.
     */
    public Mono<Optional<ApiKeyGrant>> verify(String key) {
        if (key.length() > MAX_LENGTH || !FORMAT.matcher(key).matches()) {
            count("malformed");
            return Mono.just(Optional.empty());
        }
        String cacheKey = cacheKeyOf(key);
        return cache.get(cacheKey)
                .flatMap(cached -> {
                    count(cached.isPresent() ? "cache_hit" : "cache_hit_inactive");
                    return Mono.just(cached.filter(this::notExpired));
                })
                .switchIfEmpty(Mono.defer(() -> introspect(key, cacheKey)));
    }

    private Mono<Optional<ApiKeyGrant>> introspect(String key, String cacheKey) {
        return client.introspect(key)
                .flatMap(answer -> {
                    Optional<ApiKeyGrant> grant = answer.filter(this::notExpired);
                    count(grant.isPresent() ? "introspected_active" : "introspected_inactive");
                    Mono<Boolean> stored = grant.isPresent()
                            ? cache.putActive(cacheKey, grant.get(), ttlFor(grant.get()))
                            : cache.putInactive(cacheKey, properties.negativeCacheTtl());
                    return stored.thenReturn(grant);
                });
    }

    private boolean notExpired(ApiKeyGrant grant) {
        return grant.expiresAt() == null || grant.expiresAt().isAfter(clock.instant());
    }

    /** Never cached beyond the key's own expiry. */
    private Duration ttlFor(ApiKeyGrant grant) {
        Duration ttl = properties.cacheTtl();
        Instant expiresAt = grant.expiresAt();
        if (expiresAt != null) {
            Duration left = Duration.between(clock.instant(), expiresAt);
            if (left.compareTo(ttl) < 0) {
                ttl = left;
            }
        }
        return ttl;
    }

    private void count(String outcome) {
        meters.counter("wagate.gateway.apikey.verification", "outcome", outcome).increment();
    }

    /** The cache key: SHA-256 of the key in hex, so Redis never holds a usable secret. */
    public static String cacheKeyOf(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "wagate:gw:apikey:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks SHA-256", e);
        }
    }
}
