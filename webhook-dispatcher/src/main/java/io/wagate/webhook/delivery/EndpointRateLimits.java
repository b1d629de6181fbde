package io.wagate.webhook.delivery;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * One rate limiter per endpoint (per replica). A job over the limit is not an attempt: it is deferred to
 * {@code webhooks.deferred} and taken up again after the busy delay, so a burst reaches the receiver spread out
 * rather than failing, and no consumer waits for it. The registry is private so that
 * Resilience4j's metrics do not get one series per endpoint.
 */
@Component
class EndpointRateLimits {

    private final RateLimiterRegistry registry;

    EndpointRateLimits(RateLimitProperties properties) {
        this.registry = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(properties.perSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build());
    }

    /** True when the endpoint may receive one more request now (and counts it). */
    boolean tryAcquire(UUID endpointId) {
        RateLimiter limiter = registry.rateLimiter(endpointId.toString());
        return limiter.acquirePermission();
    }
}
