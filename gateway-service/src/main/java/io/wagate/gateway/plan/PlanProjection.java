package io.wagate.gateway.plan;

import io.wagate.contracts.platform.SubscriptionChanged;
import java.util.List;
import java.util.UUID;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Each tenant's plan, projected from billing-service's {@code SubscriptionChanged} events into a Redis hash
 * ({@code plan}, {@code rpm}, {@code version}). Events may arrive twice or out of order; only a higher
 * {@code version} replaces what is stored. The rate limiter reads the hash inside its own script
 * ({@link #redisKey}), which saves a round trip per request.
 */
public class PlanProjection {

    /** Applies the change unless the stored version is the same or newer; returns 1 when applied. */
    private static final RedisScript<Long> APPLY = RedisScript.of("""
            local stored = redis.call('HGET', KEYS[1], 'version')
            if stored and tonumber(stored) >= tonumber(ARGV[1]) then return 0 end
            redis.call('HSET', KEYS[1], 'version', ARGV[1], 'plan', ARGV[2], 'rpm', ARGV[3], 'status', ARGV[4])
            return 1
            """, Long.class);

    private final ReactiveStringRedisTemplate redis;

    public PlanProjection(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    /** The Redis hash of a tenant's plan. */
    public static String redisKey(UUID tenantId) {
        return "wagate:gw:plan:" + tenantId;
    }

    /** True when the change was newer than what was stored. */
    public Mono<Boolean> apply(SubscriptionChanged change) {
        return redis.execute(APPLY, List.of(redisKey(change.tenantId())),
                        List.of(Long.toString(change.version()), change.plan(),
                                Integer.toString(change.limits().requestsPerMinute()), change.status().name()))
                .next()
                .map(applied -> applied == 1L);
    }
}
