package io.wagate.webhook.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * One circuit breaker per endpoint. While an endpoint keeps failing, its attempts fail at once (logged as
 * {@code CircuitOpen}) and move on to their next retry, instead of each holding a worker for the full timeout;
 * after {@code openFor} one trial call decides whether it closes again. The registry is private to this class so
 * that Resilience4j's metrics do not get one series per endpoint.
 */
@Component
class EndpointBreakers {

    static final String CIRCUIT_OPEN = "CircuitOpen";
    /** Stands for the failure in the breaker's statistics; the attempt log has the real reason. */
    private static final RuntimeException FAILED = new RuntimeException("webhook attempt failed", null, false, false) {
    };

    private final CircuitBreakerRegistry registry;

    EndpointBreakers(CircuitBreakerProperties properties) {
        this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.window())
                .minimumNumberOfCalls(properties.minimumCalls())
                .failureRateThreshold(properties.failureRateThreshold())
                .waitDurationInOpenState(properties.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
    }

    CircuitBreaker of(UUID endpointId) {
        return registry.circuitBreaker(endpointId.toString());
    }

    /** Receiver errors, throttling and transport failures count against the endpoint; other answers show it is up. */
    static void record(CircuitBreaker breaker, WebhookClient.Result result) {
        Integer status = result.status();
        boolean healthy = status != null && status < 500 && status != 408 && status != 429;
        if (healthy) {
            breaker.onSuccess(result.latencyMillis(), TimeUnit.MILLISECONDS);
        } else {
            breaker.onError(result.latencyMillis(), TimeUnit.MILLISECONDS, FAILED);
        }
    }
}
