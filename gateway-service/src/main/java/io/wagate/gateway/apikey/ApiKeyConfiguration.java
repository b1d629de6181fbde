package io.wagate.gateway.apikey;

import io.micrometer.core.instrument.MeterRegistry;
import io.wagate.contracts.EventCodec;
import io.wagate.gateway.apikey.internal.ApiKeyRevokedListener;
import io.wagate.gateway.apikey.internal.IntrospectionCache;
import io.wagate.gateway.apikey.internal.IntrospectionClient;
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
        return new IntrospectionCache(redis, REDIS_TIMEOUT, ApiKeyProperties.MAX_CACHE_TTL);
    }

    @Bean
    ApiKeyVerification apiKeyVerification(IntrospectionCache cache, WebClient authService,
            ApiKeyProperties properties, MeterRegistry meters) {
        IntrospectionClient client = new IntrospectionClient(authService, properties.introspectionPath(),
                properties.introspectionTimeout());
        return new ApiKeyVerification(cache, client, properties, Clock.systemUTC(), meters);
    }

    @Bean
    ApiKeyRevokedListener apiKeyRevokedListener(IntrospectionCache cache, EventCodec codec, MeterRegistry meters) {
        return new ApiKeyRevokedListener(cache, codec, meters, Duration.ofSeconds(5));
    }
}
