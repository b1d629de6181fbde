package io.wagate.session.status;

import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with "equal jitter": half the delay is fixed so attempts keep growing, half is random so that
 * the sessions of a worker that lost its network do not all reconnect in the same millisecond.
 */
public final class Backoff {

    private final ReconnectProperties properties;

    public Backoff(ReconnectProperties properties) {
        this.properties = properties;
    }

    /** The delay before attempt {@code attempt} (1-based), or empty when the budget is spent. */
    public OptionalLong delayMillis(int attempt) {
        if (attempt < 1 || attempt > properties.maxAttempts()) {
            return OptionalLong.empty();
        }
        long ceiling = ceilingMillis(attempt);
        long half = ceiling / 2;
        return OptionalLong.of(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
    }

    long ceilingMillis(int attempt) {
        long initial = properties.initialDelay().toMillis();
        long max = properties.maxDelay().toMillis();
        // Shifting by 62 or more would overflow; the cap is reached long before.
        int shift = Math.min(attempt - 1, 40);
        long grown = initial > (max >> shift) ? max : initial << shift;
        return Math.min(grown, max);
    }

    public int maxAttempts() {
        return properties.maxAttempts();
    }
}
