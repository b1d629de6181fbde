package io.wagate.session.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The latest QR code per instance in Redis under {@code wagate:qr:<instanceId>}, as {@code index|expiresAtMillis|qr},
 * with a TTL that ends when the code expires: a code the server no longer accepts is never served.
 */
@Component
public class QrCache {

    private final ReactiveStringRedisTemplate redis;
    private final Clock clock = Clock.systemUTC();

    QrCache(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    public Mono<Void> put(UUID instanceId, String qr, int index, Instant expiresAt) {
        Duration ttl = Duration.between(clock.instant(), expiresAt);
        if (ttl.toMillis() < 1) {
            return Mono.empty();
        }
        return redis.opsForValue().set(key(instanceId), index + "|" + expiresAt.toEpochMilli() + "|" + qr, ttl).then();
    }

    public Mono<Void> clear(UUID instanceId) {
        return redis.delete(key(instanceId)).then();
    }

    public static String key(UUID instanceId) {
        return "wagate:qr:" + instanceId;
    }
}
