package io.wagate.session.lease;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
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
    /** The instances whose lease this worker holds, as far as its own operations tell. */
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    private final Operation acquisitions;
    private final Operation renewals;
    private final Operation releases;

    SessionLeases(ReactiveStringRedisTemplate redis, LeaseProperties properties, MeterRegistry meters) {
        this.redis = redis;
        this.properties = properties;
        this.workerId = properties.workerId().isBlank() ? generatedWorkerId() : properties.workerId();
        this.acquisitions = new Operation(meters, "acquire", "granted", "held_elsewhere");
        this.renewals = new Operation(meters, "renew", "kept", "lost");
        this.releases = new Operation(meters, "release", "released", "taken_over");
        Gauge.builder("wagate.sessions.leases.held", held, Set::size)
                .description("Instance leases this worker holds").register(meters);
    }

    /**
     * Counts one lease operation by outcome ({@code wagate.sessions.leases{operation,outcome}}): a worker that keeps
     * losing renewals or finding leases held elsewhere is fighting another worker or losing Redis.
     */
    private record Operation(Counter done, Counter refused, Counter failed) {

        Operation(MeterRegistry meters, String name, String doneOutcome, String refusedOutcome) {
            this(counter(meters, name, doneOutcome), counter(meters, name, refusedOutcome),
                    counter(meters, name, "error"));
        }

        private static Counter counter(MeterRegistry meters, String operation, String outcome) {
            return Counter.builder("wagate.sessions.leases").description("Instance lease operations by outcome")
                    .tag("operation", operation).tag("outcome", outcome).register(meters);
        }

        <T> Mono<T> counted(Mono<T> operation, Predicate<T> succeeded) {
            return operation.doOnNext(result -> (succeeded.test(result) ? done : refused).increment())
                    .doOnError(error -> failed.increment());
        }
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
        return acquisitions.counted(redis.execute(ACQUIRE, List.of(key(instanceId), fenceKey(instanceId)),
                                List.of(workerId, Long.toString(properties.ttl().toMillis()), Long.toString(floor)))
                        .next().defaultIfEmpty(0L), token -> token > 0)
                .filter(token -> token > 0)
                .map(token -> {
                    held.add(instanceId);
                    return new Lease(instanceId, workerId, token);
                });
    }

    /** Extends the lease; false when it expired or another worker holds it now. */
    public Mono<Boolean> renew(Lease lease) {
        return renewals.counted(redis.execute(RENEW, List.of(key(lease.instanceId())),
                                List.of(lease.value(), Long.toString(properties.ttl().toMillis())))
                        .next()
                        .map(renewed -> renewed == 1)
                        .defaultIfEmpty(false), Boolean::booleanValue)
                // A session that cannot renew gives its lease up, whether Redis said no or did not answer.
                .doOnNext(kept -> {
                    if (!kept) {
                        held.remove(lease.instanceId());
                    }
                })
                .doOnError(error -> held.remove(lease.instanceId()));
    }

    /** Deletes the lease if it is still this one; a lease another worker took over is left alone. */
    public Mono<Boolean> release(Lease lease) {
        held.remove(lease.instanceId());
        return releases.counted(redis.execute(RELEASE, List.of(key(lease.instanceId())), List.of(lease.value()))
                .next()
                .map(deleted -> deleted == 1)
                .defaultIfEmpty(false), Boolean::booleanValue);
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
