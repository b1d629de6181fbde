package io.wagate.instance.qr;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The latest QR code per instance in Redis, with a TTL that ends at its expiry: a code WhatsApp no longer accepts is
 * never served, and nothing is left behind when the session stops producing codes.
 */
@Component
public class QrStore {

    private final ReactiveStringRedisTemplate redis;
    private final Clock clock = Clock.systemUTC();

    QrStore(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    public Mono<Void> save(UUID instanceId, CurrentQr qr) {
        Duration ttl = Duration.between(clock.instant(), qr.expiresAt());
        if (ttl.compareTo(Duration.ofMillis(1)) < 0) {
            return Mono.empty();
        }
        String value = qr.index() + "|" + qr.expiresAt().toEpochMilli() + "|" + qr.qr();
        return redis.opsForValue().set(key(instanceId), value, ttl).then();
    }

    public Mono<Void> clear(UUID instanceId) {
        return redis.delete(key(instanceId)).then();
    }

    public Mono<CurrentQr> find(UUID instanceId) {
        return redis.opsForValue().get(key(instanceId))
                .mapNotNull(value -> {
                    String[] parts = value.split("\\|", 3);
                    if (parts.length != 3) {
                        return null;
                    }
                    return new CurrentQr(parts[2], Integer.parseInt(parts[0]),
                            Instant.ofEpochMilli(Long.parseLong(parts[1])));
                })
                .filter(qr -> qr.expiresAt().isAfter(clock.instant()));
    }

    private static String key(UUID instanceId) {
        return "instances:qr:" + instanceId;
    }
}
