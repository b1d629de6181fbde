package io.wagate.gateway.apikey.internal;

import io.wagate.gateway.RequestEventLoop;
import io.wagate.gateway.apikey.ApiKeyGrant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Introspection answers in Redis, under the SHA-256 of the key. Next to each active answer an index entry maps the
 * key id to that cache key, because a revocation event names the key id, never the key. A revocation also leaves a
 * short tombstone: an introspection that was already running when the event arrived must not put the revoked key
 * back into the cache.
 *
 * <p>Each active answer carries the time it was stored, so that a reader can tell an answer about to run out
 * ({@link Cached#age()}) and have it renewed before any request has to wait for an introspection.
 *
 * <p>Redis failures never fail a request here: a read error is a cache miss, a write error is ignored.
 */
public final class IntrospectionCache {

    private static final Logger log = LoggerFactory.getLogger(IntrospectionCache.class);
    private static final String INACTIVE = "-";
    private static final String INDEX_PREFIX = "wagate:gw:apikey-index:";
    private static final String TOMBSTONE_PREFIX = "wagate:gw:apikey-revoked:";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Stores an active answer and its index entry unless the key was revoked meanwhile. */
    private static final RedisScript<Long> PUT_ACTIVE = RedisScript.of("""
            if redis.call('EXISTS', KEYS[3]) == 1 then return 0 end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            redis.call('SET', KEYS[2], KEYS[1], 'PX', ARGV[2])
            return 1
            """, Long.class);

    /**
     * Evicts the answer the index points to, and marks the key id revoked for as long as answers may live. The script
     * deletes a key it read from the index rather than one passed in KEYS: atomic on the single Redis (or primary
     * with replicas) the platform runs; a Redis Cluster deployment would need the keys under one hash tag.
     */
    private static final RedisScript<Long> EVICT = RedisScript.of("""
            local cached = redis.call('GET', KEYS[1])
            if cached then redis.call('DEL', cached) end
            redis.call('DEL', KEYS[1])
            redis.call('SET', KEYS[2], '1', 'PX', ARGV[1])
            if cached then return 1 end
            return 0
            """, Long.class);

    /**
     * A cached answer.
     *
     * @param answer the grant of an active key; empty: cached as inactive
     * @param age how long ago an active answer was stored (null for an inactive one, or one stored without the time)
     */
    public record Cached(Optional<ApiKeyGrant> answer, @Nullable Duration age) {
    }

    private final ReactiveStringRedisTemplate redis;
    private final Duration timeout;
    private final Duration tombstoneTtl;
    private final Clock clock;

    public IntrospectionCache(ReactiveStringRedisTemplate redis, Duration timeout, Duration tombstoneTtl, Clock clock) {
        this.redis = redis;
        this.timeout = timeout;
        this.tombstoneTtl = tombstoneTtl;
        this.clock = clock;
    }

    /** A cached answer, or an empty Mono on a miss or a Redis failure. */
    public Mono<Cached> get(String cacheKey) {
        return RequestEventLoop.timeoutHere(redis.opsForValue().get(cacheKey), timeout)
                .map(this::decode)
                .onErrorResume(error -> {
                    log.debug("API key cache read failed, introspecting: {}", error.toString());
                    return Mono.empty();
                });
    }

    public Mono<Boolean> putActive(String cacheKey, ApiKeyGrant grant, Duration ttl) {
        if (ttl.toMillis() <= 0) {
            return Mono.just(false);
        }
        Mono<Boolean> stored = redis.execute(PUT_ACTIVE,
                        List.of(cacheKey, INDEX_PREFIX + grant.keyId(), TOMBSTONE_PREFIX + grant.keyId()),
                        List.of(encode(grant), Long.toString(ttl.toMillis())))
                .next()
                .map(result -> result == 1L);
        return RequestEventLoop.timeoutHere(stored, timeout).onErrorResume(error -> Mono.just(false));
    }

    public Mono<Boolean> putInactive(String cacheKey, Duration ttl) {
        if (ttl.toMillis() <= 0) {
            return Mono.just(false);
        }
        return RequestEventLoop.timeoutHere(redis.opsForValue().set(cacheKey, INACTIVE, ttl), timeout)
                .onErrorResume(error -> Mono.just(false));
    }

    /** Evicts the cached answer of a key id; true when there was one. Errors propagate (the event is retried). */
    public Mono<Boolean> evict(UUID keyId) {
        return redis.execute(EVICT, List.of(INDEX_PREFIX + keyId, TOMBSTONE_PREFIX + keyId),
                        List.of(Long.toString(tombstoneTtl.toMillis())))
                .next()
                .map(evicted -> evicted == 1L);
    }

    private String encode(ApiKeyGrant grant) {
        ObjectNode node = JSON.createObjectNode();
        node.put("c", clock.millis());
        node.put("k", grant.keyId().toString());
        node.put("t", grant.tenantId().toString());
        node.put("i", grant.instanceId().toString());
        var scopes = node.putArray("s");
        grant.scopes().stream().sorted().forEach(scopes::add);
        if (grant.expiresAt() != null) {
            node.put("e", grant.expiresAt().toString());
        }
        return JSON.writeValueAsString(node);
    }

    private Cached decode(String value) {
        if (INACTIVE.equals(value)) {
            return new Cached(Optional.empty(), null);
        }
        JsonNode node = JSON.readTree(value);
        Duration age = node.has("c") ? Duration.ofMillis(Math.max(0, clock.millis() - node.get("c").asLong())) : null;
        Set<String> scopes = new LinkedHashSet<>();
        node.path("s").forEach(scope -> scopes.add(scope.asString()));
        @Nullable String expires = node.hasNonNull("e") ? node.get("e").asString() : null;
        return new Cached(Optional.of(new ApiKeyGrant(UUID.fromString(node.get("k").asString()),
                UUID.fromString(node.get("t").asString()), UUID.fromString(node.get("i").asString()),
                scopes, expires == null ? null : Instant.parse(expires))), age);
    }
}
