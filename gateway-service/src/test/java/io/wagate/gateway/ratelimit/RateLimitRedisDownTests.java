package io.wagate.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wagate.gateway.authentication.Caller;
import io.wagate.gateway.plan.PlanProperties;
import io.wagate.gateway.plan.TenantPlan;
import io.wagate.gateway.ratelimit.RateLimitProperties.OnRedisFailure;
import io.wagate.gateway.ratelimit.internal.LocalTokenBuckets;
import io.wagate.gateway.ratelimit.internal.RateLimitKeyResolver;
import io.wagate.gateway.ratelimit.internal.RedisTokenBuckets;
import io.wagate.gateway.ratelimit.internal.TokenLeases;
import io.wagate.gateway.security.ClientAddresses;
import io.wagate.support.identity.PrincipalType;
import io.wagate.support.web.ApiProblem;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What each route class does when Redis is down, with a limiter whose Redis is a closed port (the shared test
 * Redis cannot be stopped).
 */
class RateLimitRedisDownTests {

    private static final LettuceConnectionFactory deadRedis = deadRedis();
    private static final PlanProperties plans = new PlanProperties("basic", 3);

    private final AtomicInteger forwarded = new AtomicInteger();
    private final GatewayFilterChain chain = exchange -> {
        forwarded.incrementAndGet();
        return Mono.empty();
    };

    @AfterAll
    static void close() {
        deadRedis.destroy();
    }

    @Test
    void publicEndpointsFailClosedSoLoginCannotBeBruteForcedDuringAnOutage() {
        RateLimitGlobalFilter filter = filter(OnRedisFailure.FAIL_CLOSED, OnRedisFailure.LOCAL_FALLBACK);
        MockServerWebExchange login = exchange("/api/auth/login");

        Throwable error = filter.filter(login, chain).then(Mono.<Throwable>empty()).onErrorResume(Mono::just).block();

        assertThat(error).isInstanceOf(ApiProblem.class);
        assertThat(((ApiProblem) error).getStatusCode().value()).isEqualTo(503);
        assertThat(((ApiProblem) error).getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(forwarded).hasValue(0);
    }

    @Test
    void apiRequestsFallBackToTheLocalLimiterWithTheSameLimits() {
        RateLimitGlobalFilter filter = filter(OnRedisFailure.FAIL_CLOSED, OnRedisFailure.LOCAL_FALLBACK);
        UUID tenant = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            MockServerWebExchange send = authenticated("/api/messages/text", tenant);
            filter.filter(send, chain).block();
            assertThat(send.getResponse().getHeaders().getFirst("RateLimit-Limit")).isEqualTo("3");
            assertThat(TenantPlan.of(send)).isEqualTo(new TenantPlan("basic", 3));
        }
        assertThat(forwarded).hasValue(3);

        MockServerWebExchange fourth = authenticated("/api/messages/text", tenant);
        Throwable error = filter.filter(fourth, chain).then(Mono.<Throwable>empty()).onErrorResume(Mono::just).block();
        assertThat(((ApiProblem) error).getStatusCode().value()).isEqualTo(429);
        assertThat(((ApiProblem) error).getHeaders().getFirst("Retry-After")).isNotBlank();
        assertThat(forwarded).hasValue(3);
    }

    @Test
    void failOpenLetsEverythingThrough() {
        RateLimitGlobalFilter filter = filter(OnRedisFailure.FAIL_OPEN, OnRedisFailure.FAIL_OPEN);
        for (int i = 0; i < 5; i++) {
            filter.filter(authenticated("/api/messages/text", UUID.randomUUID()), chain).block();
            filter.filter(exchange("/api/auth/login"), chain).block();
        }
        assertThat(forwarded).hasValue(10);
    }

    private static RateLimitGlobalFilter filter(OnRedisFailure onPublic, OnRedisFailure onApi) {
        RateLimitProperties properties = new RateLimitProperties(true, 1.0, 3, Duration.ofMillis(200), onPublic, onApi,
                1000, 0.01, Duration.ofSeconds(1));
        ReactiveStringRedisTemplate redis = new ReactiveStringRedisTemplate(deadRedis);
        return new RateLimitGlobalFilter(new RedisTokenBuckets(redis, plans, 1.0, 3),
                new LocalTokenBuckets(plans, 1.0, 3, 1000, System::currentTimeMillis),
                new TokenLeases(0.01, Duration.ofSeconds(1).toNanos(), 1000, System::nanoTime),
                new RateLimitKeyResolver(new ClientAddresses(0)), properties, plans, new SimpleMeterRegistry());
    }

    private static MockServerWebExchange exchange(String path) {
        return MockServerWebExchange.from(MockServerHttpRequest.post(path)
                .remoteAddress(new InetSocketAddress("203.0.113.7", 40000)));
    }

    private static MockServerWebExchange authenticated(String path, UUID tenant) {
        MockServerWebExchange exchange = exchange(path);
        new Caller(PrincipalType.API_KEY, UUID.randomUUID().toString(), tenant, Set.of(), Set.of("messages:send"),
                UUID.randomUUID()).attachTo(exchange);
        return exchange;
    }

    private static LettuceConnectionFactory deadRedis() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(200)).build());
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }
}
