package io.wagate.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import io.wagate.gateway.plan.PlanProperties;
import io.wagate.gateway.ratelimit.internal.LocalTokenBuckets;
import io.wagate.gateway.ratelimit.internal.RateLimitKeyResolver;
import io.wagate.gateway.ratelimit.internal.RedisTokenBuckets;
import io.wagate.gateway.ratelimit.internal.TokenLeases;
import io.wagate.gateway.security.ClientAddresses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    RateLimitKeyResolver rateLimitKeyResolver(ClientAddresses addresses) {
        return new RateLimitKeyResolver(addresses);
    }

    @Bean
    RateLimitGlobalFilter rateLimitGlobalFilter(ReactiveStringRedisTemplate redis, RateLimitKeyResolver keys,
            RateLimitProperties properties, PlanProperties plans, MeterRegistry meters) {
        return new RateLimitGlobalFilter(
                new RedisTokenBuckets(redis, plans, properties.principalShare(), properties.anonymousRequestsPerMinute()),
                new LocalTokenBuckets(plans, properties.principalShare(), properties.anonymousRequestsPerMinute(),
                        properties.localMaxBuckets(), System::currentTimeMillis),
                new TokenLeases(properties.leaseMaxShare(), properties.leaseTtl().toNanos(), properties.localMaxBuckets(),
                        System::nanoTime),
                keys, properties, plans, meters);
    }
}
