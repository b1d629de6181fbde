package io.wagate.gateway.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wagate.gateway.apikey.internal.IntrospectionCache;
import io.wagate.gateway.apikey.internal.IntrospectionClient;
import io.wagate.gateway.apikey.internal.RecentGrants;
import io.wagate.support.web.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ReactiveValueOperations;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The requests of a key share one lookup at a time; a lookup that fails before it even starts must not leave the
 * key's later requests waiting on it.
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
                new IntrospectionCache(redis, Duration.ofMillis(100), Duration.ofSeconds(60)),
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
