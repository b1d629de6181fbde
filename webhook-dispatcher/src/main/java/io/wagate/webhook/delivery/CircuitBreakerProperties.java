package io.wagate.webhook.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The per-endpoint circuit breaker ({@code wagate.webhooks.circuit-breaker.*}).
 *
 * @param failureRateThreshold percentage of failed calls in the window that opens the circuit
 * @param minimumCalls calls needed before the rate counts
 * @param window the number of most recent calls the rate is computed over
 * @param openFor how long an open circuit fails attempts without calling, before one trial call
 */
@ConfigurationProperties("wagate.webhooks.circuit-breaker")
public record CircuitBreakerProperties(
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("10") int minimumCalls,
        @DefaultValue("20") int window,
        @DefaultValue("60s") Duration openFor) {
}
