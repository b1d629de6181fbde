package io.wagate.session.lease;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Instance leases in Redis: {@code wagate:lease:<instanceId>} holds {@code <workerId>|<token>} with a TTL, and
 * {@code wagate:lease-fence:<instanceId>} the last token handed out (never reset, so tokens only grow). Each
 * operation is one Lua script, so check and change are atomic. The keys of one instance are used together in a
 * script; on a Redis Cluster they would need a shared hash tag.
 */
@Component
public class SessionLeases {

    /** Free, expired or already ours: a new token (at least above the caller's floor); else 0. */
    private static final RedisScript<Long> ACQUIRE = RedisScript.of("""
            local current = redis.call('GET', KEYS[1])
            if current and string.sub(current, 1, string.len(ARGV[1]) + 1) ~= ARGV[1] .. '|' then
              return 0
            end
            local token = redis.call('INCR', KEYS[2])
            local floor = tonumber(ARGV[3])
            if token <= floor then
              token = floor + 1
              redis.call('SET', KEYS[2], token)
            end
            redis.call('SET', KEYS[1], ARGV[1] .. '|' .. token, 'PX', ARGV[2])
            return token
            """, Long.class);
    private static final RedisScript<Long> RENEW = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 0
            """, Long.class);
    private static final RedisScript<Long> RELEASE = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """, Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final LeaseProperties properties;
    private final String workerId;

    SessionLeases(ReactiveStringRedisTemplate redis, LeaseProperties properties) {
        this.redis = redis;
        this.properties = properties;
        this.workerId = properties.workerId().isBlank() ? generatedWorkerId() : properties.workerId();
    }

    public String workerId() {
        return workerId;
    }

    public LeaseProperties properties() {
        return properties;
    }

    /**
     * Acquires the instance's lease unless another worker holds it (then empty). {@code floor} is the highest token
     * the database has seen for the instance: the new token is above it even if Redis lost its counter.
     */
    public Mono<Lease> acquire(UUID instanceId, long floor) {
        return redis.execute(ACQUIRE, List.of(key(instanceId), fenceKey(instanceId)),
                        List.of(workerId, Long.toString(properties.ttl().toMillis()), Long.toString(floor)))
                .next()
                .filter(token -> token > 0)
                .map(token -> new Lease(instanceId, workerId, token));
    }

    /** Extends the lease; false when it expired or another worker holds it now. */
    public Mono<Boolean> renew(Lease lease) {
        return redis.execute(RENEW, List.of(key(lease.instanceId())),
                        List.of(lease.value(), Long.toString(properties.ttl().toMillis())))
                .next()
                .map(renewed -> renewed == 1)
                .defaultIfEmpty(false);
    }

    /** Deletes the lease if it is still this one; a lease another worker took over is left alone. */
    public Mono<Boolean> release(Lease lease) {
        return redis.execute(RELEASE, List.of(key(lease.instanceId())), List.of(lease.value()))
                .next()
                .map(deleted -> deleted == 1)
                .defaultIfEmpty(false);
    }

    /** The current holder as {@code <workerId>|<token>}, if any. */
    public Mono<String> holder(UUID instanceId) {
        return redis.opsForValue().get(key(instanceId));
    }

    public static String key(UUID instanceId) {
        return "wagate:lease:" + instanceId;
    }

    static String fenceKey(UUID instanceId) {
        return "wagate:lease-fence:" + instanceId;
    }

    private static String generatedWorkerId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "worker";
        }
        byte[] suffix = new byte[4];
        ThreadLocalRandom.current().nextBytes(suffix);
        return host.replace('|', '-') + "-" + HexFormat.of().formatHex(suffix);
    }
}
