package io.wagate.gateway.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wagate.gateway.RedisConnections;
import io.wagate.gateway.RequestsOnEventLoops;
import io.wagate.gateway.apikey.ApiKeyGrant;
import io.wagate.gateway.apikey.ApiKeyProperties;
import io.wagate.gateway.apikey.ApiKeyVerification;
import io.wagate.gateway.apikey.internal.IntrospectionCache;
import io.wagate.gateway.apikey.internal.IntrospectionClient;
import io.wagate.gateway.apikey.internal.RecentGrants;
import io.wagate.gateway.authentication.internal.JwksKeys;
import io.wagate.gateway.authentication.internal.PublicEndpoints;
import io.wagate.gateway.authentication.internal.UserTokenVerifier;
import io.wagate.support.identity.PrincipalType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ReactiveValueOperations;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Requests of an API key that this replica does not remember wait for one Redis read, then each goes on on the event
 * loop it arrived on, not on the Redis client's thread that brought the answer. A key remembered before has its
 * caller's work started while that read is under way.
 */
class AuthenticationAfterLookupTests {

    private static final String KEY = "wg_live_abc123_" + "s".repeat(43);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ApiKeyGrant grant = new ApiKeyGrant(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
            Set.of("instance:read"), null);
    private LettuceConnectionFactory connections;
    private IntrospectionCache cache;

    /** The key's answer in the real Redis, each read of it answered 150 ms late. */
    @BeforeEach
    void cacheTheKey() {
        connections = RedisConnections.onFreshDatabase();
        cache = new IntrospectionCache(new SlowReadRedis(connections), Duration.ofSeconds(2), Duration.ofSeconds(60),
                Clock.systemUTC());
        cache.putActive(ApiKeyVerification.cacheKeyOf(KEY), grant, Duration.ofSeconds(60)).block(Duration.ofSeconds(5));
    }

    @AfterEach
    void disconnect() {
        connections.destroy();
    }

    @Test
    void requestsThatWaitedForTheKeysLookupGoOnOnTheEventLoopsTheyArrivedOn() throws Exception {
        RequestsOnEventLoops sent = RequestsOnEventLoops.send(filter(CallerAhead.NONE), 6,
                AuthenticationAfterLookupTests::apiKeyRequest);

        assertThat(meters.counter("wagate.gateway.apikey.verification", "outcome", "joined").count())
                .as("requests that waited for the lookup another one started").isEqualTo(5);
        sent.assertEachWentOnOnTheLoopItArrivedOn(6);
        assertThat(sent.forwarded()).allSatisfy(exchange -> assertThat(Caller.of(exchange)).isNotNull());
    }

    @Test
    void aKeyLookedUpAgainAfterAPauseHasItsCallersWorkStartedAheadOfTheLookup() {
        List<Caller> expected = new CopyOnWriteArrayList<>();
        List<Long> expectedAt = new CopyOnWriteArrayList<>();
        List<Long> forwardedAt = new CopyOnWriteArrayList<>();
        AuthenticationGlobalFilter filter = filter(caller -> {
            expected.add(caller);
            expectedAt.add(System.nanoTime());
        });
        GatewayFilterChain chain = exchange -> {
            forwardedAt.add(System.nanoTime());
            return Mono.empty();
        };

        filter.filter(apiKeyRequest(), chain).block(Duration.ofSeconds(5));
        assertThat(expected).as("a key this replica never verified: nothing known ahead").isEmpty();

        sleep(Duration.ofMillis(600));
        MockServerWebExchange afterAPause = apiKeyRequest();
        filter.filter(afterAPause, chain).block(Duration.ofSeconds(5));

        assertThat(expected).singleElement().satisfies(caller -> {
            assertThat(caller.principalId()).isEqualTo(grant.keyId().toString());
            assertThat(caller.tenantId()).isEqualTo(grant.tenantId());
            assertThat(caller.type()).isEqualTo(PrincipalType.API_KEY);
        });
        assertThat(Duration.ofNanos(forwardedAt.getLast() - expectedAt.getFirst()))
                .as("started before the lookup, whose Redis read answers 150 ms late")
                .isGreaterThanOrEqualTo(Duration.ofMillis(140));
        assertThat(Caller.of(afterAPause)).isNotNull();
    }

    private static MockServerWebExchange apiKeyRequest() {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/api/instances").header("X-Api-Key", KEY));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private AuthenticationGlobalFilter filter(CallerAhead ahead) {
        ApiKeyProperties properties = new ApiKeyProperties("/internal/auth/api-keys/introspect",
                Duration.ofMillis(300), Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofMillis(500));
        WebClient nowhere = WebClient.create("http://127.0.0.1:9");
        ApiKeyVerification apiKeys = new ApiKeyVerification(new RecentGrants(Duration.ofMillis(500), 100,
                System::nanoTime), cache, new IntrospectionClient(nowhere, properties.introspectionPath(),
                properties.introspectionTimeout()), properties, Clock.systemUTC(), meters);
        JwksKeys keys = new JwksKeys(nowhere, "/api/auth/jwks", Duration.ofMinutes(10), Duration.ofSeconds(30),
                Duration.ofSeconds(1), Clock.systemUTC(), meters);
        return new AuthenticationGlobalFilter(new UserTokenVerifier(keys, "wagate-auth", Duration.ofSeconds(30),
                Clock.systemUTC()), apiKeys, new PublicEndpoints(List.of()), ahead, meters);
    }

    /** The real Redis, each read answered 150 ms late (a busy moment), so that the key's requests meet in it. */
    private static final class SlowReadRedis extends ReactiveStringRedisTemplate {

        SlowReadRedis(LettuceConnectionFactory connections) {
            super(connections);
        }

        @Override
        @SuppressWarnings("unchecked")
        public ReactiveValueOperations<String, String> opsForValue() {
            ReactiveValueOperations<String, String> real = super.opsForValue();
            return (ReactiveValueOperations<String, String>) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ReactiveValueOperations.class}, (proxy, method, args) -> {
                        Object answer;
                        try {
                            answer = method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                        return method.getName().equals("get") && answer instanceof Mono<?> read
                                ? Mono.delay(Duration.ofMillis(150)).then(read) : answer;
                    });
        }
    }
}
