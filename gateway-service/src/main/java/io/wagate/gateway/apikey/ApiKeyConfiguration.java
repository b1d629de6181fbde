package io.wagate.gateway.apikey;

import io.micrometer.core.instrument.MeterRegistry;
import io.wagate.contracts.EventCodec;
import io.wagate.gateway.apikey.internal.ApiKeyRevokedListener;
import io.wagate.gateway.apikey.internal.IntrospectionCache;
import io.wagate.gateway.apikey.internal.IntrospectionClient;
import io.wagate.gateway.apikey.internal.RecentGrants;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
class ApiKeyConfiguration {

    /** Cache reads must be quick or skipped: a slow Redis must not slow every API request down. */
    private static final Duration REDIS_TIMEOUT = Duration.ofMillis(100);

    @Bean
    IntrospectionCache introspectionCache(ReactiveStringRedisTemplate redis) {
        return new IntrospectionCache(redis, REDIS_TIMEOUT, ApiKeyProperties.MAX_CACHE_TTL, Clock.systemUTC());
    }

    @Bean
    RecentGrants recentGrants(ApiKeyProperties properties) {
        return new RecentGrants(properties.localCacheTtl(), 100_000, System::nanoTime);
    }

    @Bean
    ApiKeyVerification apiKeyVerification(RecentGrants recent, IntrospectionCache cache, WebClient authService,
            ApiKeyProperties properties, MeterRegistry meters) {
        IntrospectionClient client = new IntrospectionClient(authService, properties.introspectionPath(),
                properties.introspectionTimeout());
        return new ApiKeyVerification(recent, cache, client, properties, Clock.systemUTC(), meters);
    }

    @Bean
    ApiKeyRevokedListener apiKeyRevokedListener(RecentGrants recent, IntrospectionCache cache, EventCodec codec,
            MeterRegistry meters) {
        return new ApiKeyRevokedListener(recent, cache, codec, meters, Duration.ofSeconds(5));
    }
}
