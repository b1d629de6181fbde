package io.wagate.session.status;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reconnect backoff: attempt n waits a random time between half and all of {@code min(initialDelay * 2^(n-1),
 * maxDelay)}; after {@code maxAttempts} failed attempts in a row the session goes to ERROR(attempts_exhausted).
 */
@ConfigurationProperties("wagate.sessions.reconnect")
public record ReconnectProperties(@DefaultValue("1s") Duration initialDelay, @DefaultValue("5m") Duration maxDelay,
        @DefaultValue("12") int maxAttempts) {

    public ReconnectProperties {
        if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("reconnect delays must be positive with max-delay >= initial-delay");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("reconnect max-attempts must be positive");
        }
    }
}
