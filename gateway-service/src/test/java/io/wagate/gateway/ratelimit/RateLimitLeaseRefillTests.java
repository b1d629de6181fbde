package io.wagate.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wagate.gateway.RedisConnections;
import io.wagate.gateway.RequestsOnEventLoops;
import io.wagate.gateway.authentication.Caller;
import io.wagate.gateway.plan.PlanProperties;
import io.wagate.gateway.ratelimit.RateLimitProperties.OnRedisFailure;
import io.wagate.gateway.ratelimit.internal.LocalTokenBuckets;
import io.wagate.gateway.ratelimit.internal.RateLimitKeyResolver;
import io.wagate.gateway.ratelimit.internal.RedisTokenBuckets;
import io.wagate.gateway.ratelimit.internal.TokenLeases;
import io.wagate.gateway.security.ClientAddresses;
import io.wagate.support.identity.PrincipalType;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A busy caller whose lease runs out while Redis is slow: the requests that arrive meanwhile wait for the one refill
 * (asked for ahead, when the lease was running low) instead of each asking Redis (on a loaded replica that turned a
 * slow moment into hundreds of Redis calls a second).
 */
class RateLimitLeaseRefillTests {

    private static final Duration SLOW_REDIS = Duration.ofMillis(150);
    private static LettuceConnectionFactory connections;

    private final AtomicInteger forwarded = new AtomicInteger();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final GatewayFilterChain chain = exchange -> {
        forwarded.incrementAndGet();
        return Mono.empty();
    };

    @BeforeAll
    static void connect() {
        connections = RedisConnections.onFreshDatabase();
    }

    @AfterAll
    static void close() {
        connections.destroy();
    }

    @Test
    void requestsThatFindTheLeaseEmptyWaitForTheRefillUnderWay() {
        CountingRedis redis = new CountingRedis(connections);
        RateLimitGlobalFilter filter = filter(redis);
        UUID tenant = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        // One after the other, 63 requests: leases of 1, 2 and 4 tokens asked for when the lease was empty, then of
        // 8, 16, 32 and 64, each asked for in the background when a quarter of the one before was left (the requests
        // that found the lease empty before Redis answered waited for that answer).
        for (int i = 0; i < 63; i++) {
            filter.filter(request(tenant, key), chain).block();
        }
        assertThat(redis.askedFor).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L);
        redis.askedFor.clear();
        redis.scripts.set(0);

        // The last of them spent the last token of 32 while the next lease (64 tokens, asked for when a quarter was
        // left) was still on its way. 40 at once now find the lease empty: they wait for that answer and take from
        // it, instead of each asking Redis for a token of its own.
        List<MockServerWebExchange> burst = IntStream.range(0, 40).mapToObj(i -> request(tenant, key)).toList();
        Flux.fromIterable(burst).flatMap(exchange -> filter.filter(exchange, chain), 40)
                .blockLast(Duration.ofSeconds(10));

        assertThat(forwarded).hasValue(63 + 40);
        assertThat(redis.askedFor).isEmpty();
        assertThat(redis.scripts).hasValue(0);
        assertThat(burst).allSatisfy(exchange -> {
            assertThat(exchange.getResponse().getStatusCode()).isNull();
            assertThat(exchange.getResponse().getHeaders().getFirst("RateLimit-Limit")).isEqualTo("1000000");
        });
    }

    @Test
    void aCallerThatPausesRightAfterARefillKeepsHalfItsLease() {
        CountingRedis redis = new CountingRedis(connections);
        RateLimitGlobalFilter filter = filter(redis, Duration.ofMillis(300));
        UUID tenant = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 64; i++) {
            filter.filter(request(tenant, key), chain).block();
        }
        long largest = redis.askedFor.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(largest).as("the lease doubled while the caller kept coming").isGreaterThanOrEqualTo(16);

        // The lease expires almost untouched (the caller paused right after the refill), then the caller is back.
        filter.filter(request(tenant, key), chain).block();
        pause(Duration.ofMillis(400));
        redis.askedFor.clear();
        filter.filter(request(tenant, key), chain).block();

        assertThat(redis.askedFor).hasSize(1);
        assertThat(redis.askedFor.getFirst()).as("half the lease, not the one token the caller used")
                .isGreaterThanOrEqualTo(largest / 2);
    }

    @Test
    void aCallerExpectedAheadHasItsLeaseRefilledBeforeItsRequestComes() {
        CountingRedis redis = new CountingRedis(connections);
        RateLimitGlobalFilter filter = filter(redis);
        UUID tenant = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Caller caller = caller(tenant, key);

        // Expected ahead: the lease is refilled before any request comes, and the request takes from it.
        filter.expect(caller);
        pause(Duration.ofMillis(400));
        assertThat(redis.askedFor).containsExactly(1L);
        MockServerWebExchange first = request(tenant, key);
        filter.filter(first, chain).block(Duration.ofSeconds(5));
        assertThat(redis.scripts).hasValue(1);
        assertThat(first.getResponse().getHeaders().getFirst("RateLimit-Limit")).isEqualTo("1000000");

        // Back within a lease lifetime: the next lease is twice the size; the request that comes while it is on its
        // way (Redis answers 150 ms late) waits for it, and the one after it takes the other token.
        filter.expect(caller);
        filter.filter(request(tenant, key), chain).block(Duration.ofSeconds(5));
        filter.filter(request(tenant, key), chain).block(Duration.ofSeconds(5));
        assertThat(redis.askedFor).containsExactly(1L, 2L);

        // With tokens in the lease there is nothing to do ahead.
        filter.filter(request(tenant, key), chain).block(Duration.ofSeconds(5));
        int scripts = redis.scripts.get();
        assertThat(redis.askedFor).as("4 tokens: one taken now, the rest in the lease").containsExactly(1L, 2L, 4L);
        filter.expect(caller);
        pause(Duration.ofMillis(200));
        assertThat(redis.scripts).hasValue(scripts);
        assertThat(forwarded).hasValue(4);
        assertThat(meters.counter("wagate.gateway.ratelimit.lease.prefetches").count()).isEqualTo(2);
    }

    @Test
    void requestsThatWaitedForRedisGoOnOnTheEventLoopsTheyArrivedOn() throws Exception {
        CountingRedis redis = new CountingRedis(connections);
        RateLimitGlobalFilter filter = filter(redis);
        UUID tenant = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        // A new caller: the first request refills its lease (Redis answers late), the five after it wait for that
        // answer, and those it leaves without a token ask Redis for one each.
        RequestsOnEventLoops sent = RequestsOnEventLoops.send(filter, 6, () -> request(tenant, key));

        assertThat(redis.scripts).as("every request waited for Redis").hasValueGreaterThanOrEqualTo(2);
        sent.assertEachWentOnOnTheLoopItArrivedOn(6);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private RateLimitGlobalFilter filter(CountingRedis redis) {
        return filter(redis, Duration.ofSeconds(5));
    }

    private RateLimitGlobalFilter filter(CountingRedis redis, Duration leaseTtl) {
        PlanProperties plans = new PlanProperties("basic", 1_000_000);
        RateLimitProperties properties = new RateLimitProperties(true, 1.0, 30, Duration.ofSeconds(2),
                OnRedisFailure.FAIL_CLOSED, OnRedisFailure.FAIL_CLOSED, 1000, 0.01, leaseTtl);
        return new RateLimitGlobalFilter(new RedisTokenBuckets(redis, plans, 1.0, 30),
                new LocalTokenBuckets(plans, 1.0, 30, 1000, System::currentTimeMillis),
                new TokenLeases(0.01, leaseTtl.toNanos(), 1000, System::nanoTime),
                new RateLimitKeyResolver(new ClientAddresses(0)), properties, plans, meters);
    }

    private static MockServerWebExchange request(UUID tenant, String key) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/instances")
                .remoteAddress(new InetSocketAddress("203.0.113.9", 40000)));
        caller(tenant, key).attachTo(exchange);
        return exchange;
    }

    private static Caller caller(UUID tenant, String key) {
        return new Caller(PrincipalType.API_KEY, key, tenant, Set.of(), Set.of("instance:read"), UUID.randomUUID());
    }

    /** The real Redis, each script answered {@link #SLOW_REDIS} late (a busy moment), counted. */
    private static final class CountingRedis extends ReactiveStringRedisTemplate {
        final AtomicInteger scripts = new AtomicInteger();
        final List<Long> askedFor = new CopyOnWriteArrayList<>();

        CountingRedis(LettuceConnectionFactory connections) {
            super(connections);
        }

        @Override
        public <T> Flux<T> execute(RedisScript<T> script, List<String> keys, List<?> args) {
            return Flux.defer(() -> {
                scripts.incrementAndGet();
                askedFor.add(Long.parseLong(String.valueOf(args.getLast())));
                return Mono.delay(SLOW_REDIS).thenMany(super.execute(script, keys, args));
            });
        }
    }
}
