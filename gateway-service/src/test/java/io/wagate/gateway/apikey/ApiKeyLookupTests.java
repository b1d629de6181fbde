package io.wagate.gateway.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wagate.gateway.RedisConnections;
import io.wagate.gateway.StubAuthService;
import io.wagate.gateway.apikey.internal.IntrospectionCache;
import io.wagate.gateway.apikey.internal.IntrospectionClient;
import io.wagate.gateway.apikey.internal.RecentGrants;
import io.wagate.support.web.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ReactiveValueOperations;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The requests of a key share one lookup at a time; a lookup that fails before it even starts must not leave the
 * key's later requests waiting on it; a busy key is verified again in the background before this replica's memory of
 * it runs out, and introspected again in the background before its answer in Redis runs out.
 */
class ApiKeyLookupTests {

    private static final String KEY = "wg_live_abc123_" + "s".repeat(43);

    @Test
    void aLookupThatFailsBeforeItStartsAnswers503AndTheNextRequestTriesAgain() {
        BrokenRedis redis = new BrokenRedis();
        ApiKeyProperties properties = new ApiKeyProperties("/internal/auth/api-keys/introspect", Duration.ofMillis(300),
                Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofMillis(500));
        ApiKeyVerification verification = new ApiKeyVerification(
                new RecentGrants(Duration.ofMillis(500), 100, System::nanoTime),
                new IntrospectionCache(redis, Duration.ofMillis(100), Duration.ofSeconds(60), Clock.systemUTC()),
                new IntrospectionClient(WebClient.create("http://127.0.0.1:9"), properties.introspectionPath(),
                        properties.introspectionTimeout()),
                properties, Clock.systemUTC(), new SimpleMeterRegistry());

        for (int attempt = 1; attempt <= 2; attempt++) {
            Mono<Optional<ApiKeyGrant>> lookup = verification.verify(KEY).lookup();
            assertThat(lookup).isNotNull();
            Throwable failure = lookup.then(Mono.<Throwable>empty()).onErrorResume(Mono::just)
                    .block(Duration.ofSeconds(5));
            assertThat(failure).as("attempt %d", attempt).isInstanceOf(ApiProblem.class);
            assertThat(((ApiProblem) failure).getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        }
        assertThat(redis.reads).as("each request started a lookup of its own").isEqualTo(2);
    }

    @Test
    void aBusyKeyIsVerifiedAgainInTheBackgroundAndForgottenAtOnceWhenFoundInactive() {
        LettuceConnectionFactory connections = RedisConnections.onFreshDatabase();
        try {
            CountingRedis redis = new CountingRedis(connections);
            IntrospectionCache cache = new IntrospectionCache(redis, Duration.ofSeconds(2), Duration.ofSeconds(60),
                    Clock.systemUTC());
            AtomicLong now = new AtomicLong(1_000_000_000L);
            ApiKeyProperties properties = new ApiKeyProperties("/internal/auth/api-keys/introspect",
                    Duration.ofMillis(300), Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofMillis(500));
            ApiKeyVerification verification = new ApiKeyVerification(new RecentGrants(Duration.ofMillis(500), 100,
                    now::get), cache, new IntrospectionClient(WebClient.create("http://127.0.0.1:9"),
                    properties.introspectionPath(), properties.introspectionTimeout()),
                    properties, Clock.systemUTC(), new SimpleMeterRegistry());
            String cacheKey = ApiKeyVerification.cacheKeyOf(KEY);
            ApiKeyGrant grant = new ApiKeyGrant(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                    Set.of("instance:read"), null);
            cache.putActive(cacheKey, grant, Duration.ofSeconds(60)).block(Duration.ofSeconds(5));

            assertThat(verification.verify(KEY).lookup().block(Duration.ofSeconds(5))).contains(grant);
            assertThat(redis.reads.get()).isEqualTo(1);

            now.addAndGet(Duration.ofMillis(300).toNanos());
            ApiKeyVerification.Verification pastHalf = verification.verify(KEY);
            assertThat(pastHalf.recent()).as("answered from memory, without waiting").isEqualTo(grant);
            assertThat(pastHalf.lookup()).isNull();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(redis.reads.get()).isEqualTo(2));
            assertThat(verification.verify(KEY).recent()).isEqualTo(grant);
            assertThat(redis.reads.get()).as("one refresh, not one per request").isEqualTo(2);

            // Renewed by the refresh: still remembered past the first lifetime.
            now.addAndGet(Duration.ofMillis(400).toNanos());
            cache.putInactive(cacheKey, Duration.ofSeconds(60)).block(Duration.ofSeconds(5));
            assertThat(redis.reads.get()).isEqualTo(3);
            assertThat(verification.verify(KEY).recent()).isEqualTo(grant);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(redis.reads.get()).isEqualTo(4));
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                ApiKeyVerification.Verification afterRefresh = verification.verify(KEY);
                assertThat(afterRefresh.recent()).as("the refresh found the key inactive").isNull();
                assertThat(afterRefresh.lookup().block(Duration.ofSeconds(5))).isEmpty();
            });
        } finally {
            connections.destroy();
        }
    }

    @Test
    void anAnswerInTheLastQuarterOfItsRedisLifetimeIsUsedAtOnceAndRenewedInTheBackground() {
        LettuceConnectionFactory connections = RedisConnections.onFreshDatabase();
        ApiKeyGrant grant = new ApiKeyGrant(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                Set.of("instance:read"), null);
        try (StubAuthService auth = new StubAuthService()) {
            auth.answerIntrospection(KEY, "{\"active\":true,\"keyId\":\"" + grant.keyId() + "\",\"tenantId\":\""
                    + grant.tenantId() + "\",\"instanceId\":\"" + grant.instanceId()
                    + "\",\"scopes\":[\"instance:read\"]}");
            // Long enough that the requests below are answered well before auth-service is.
            auth.delayIntrospection(KEY, Duration.ofSeconds(3));
            ReactiveStringRedisTemplate redis = new ReactiveStringRedisTemplate(connections);
            String cacheKey = ApiKeyVerification.cacheKeyOf(KEY);
            new IntrospectionCache(redis, Duration.ofSeconds(2), Duration.ofSeconds(60),
                    Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-46)))
                    .putActive(cacheKey, grant, Duration.ofSeconds(60)).block(Duration.ofSeconds(5));
            IntrospectionCache cache = new IntrospectionCache(redis, Duration.ofSeconds(2), Duration.ofSeconds(60),
                    Clock.systemUTC());
            ApiKeyProperties properties = new ApiKeyProperties("/internal/auth/api-keys/introspect",
                    Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ZERO);
            ApiKeyVerification verification = new ApiKeyVerification(
                    new RecentGrants(Duration.ZERO, 100, System::nanoTime), cache,
                    new IntrospectionClient(WebClient.create(auth.url()), properties.introspectionPath(),
                            properties.introspectionTimeout()),
                    properties, Clock.systemUTC(), new SimpleMeterRegistry());

            // Stored 46 s ago, in the last quarter of its minute: each request gets it from Redis while auth-service
            // has not answered the one introspection asked for (the entry is still the old one afterwards).
            for (int request = 1; request <= 3; request++) {
                assertThat(verification.verify(KEY).lookup().block(Duration.ofSeconds(5)))
                        .as("request %d", request).contains(grant);
            }
            IntrospectionCache.Cached before = cache.get(cacheKey).block(Duration.ofSeconds(5));
            assertThat(before).isNotNull();
            assertThat(before.age()).as("not renewed yet").isGreaterThanOrEqualTo(Duration.ofSeconds(45));
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(auth.introspections(KEY)).isEqualTo(1));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                IntrospectionCache.Cached renewed = cache.get(cacheKey).block(Duration.ofSeconds(5));
                assertThat(renewed).isNotNull();
                assertThat(renewed.answer()).contains(grant);
                assertThat(renewed.age()).isLessThan(Duration.ofSeconds(10));
            });
            assertThat(verification.verify(KEY).lookup().block(Duration.ofSeconds(5))).contains(grant);
            assertThat(auth.introspections(KEY)).as("a renewed answer is not renewed again").isEqualTo(1);
        } finally {
            connections.destroy();
        }
    }

    /** Real Redis, counting the key cache's reads and plain writes. */
    private static final class CountingRedis extends ReactiveStringRedisTemplate {
        final AtomicInteger reads = new AtomicInteger();

        CountingRedis(LettuceConnectionFactory connections) {
            super(connections);
        }

        @Override
        public ReactiveValueOperations<String, String> opsForValue() {
            reads.incrementAndGet();
            return super.opsForValue();
        }
    }

    /** Redis whose read fails as it is asked for, before any reactive pipeline exists. */
    private static final class BrokenRedis extends ReactiveStringRedisTemplate {
        int reads;

        BrokenRedis() {
            super(new LettuceConnectionFactory());
        }

        @Override
        public ReactiveValueOperations<String, String> opsForValue() {
            reads++;
            throw new IllegalStateException("connection factory stopped");
        }
    }
}
