package io.wagate.session.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class BackoffTests {

    private final Backoff backoff = new Backoff(new ReconnectProperties(Duration.ofSeconds(1), Duration.ofMinutes(5), 12));

    @Test
    void ceilingDoublesUpToTheMaximum() {
        assertThat(backoff.ceilingMillis(1)).isEqualTo(1000);
        assertThat(backoff.ceilingMillis(2)).isEqualTo(2000);
        assertThat(backoff.ceilingMillis(5)).isEqualTo(16000);
        assertThat(backoff.ceilingMillis(9)).isEqualTo(256000);
        assertThat(backoff.ceilingMillis(10)).isEqualTo(300000);
        assertThat(backoff.ceilingMillis(12)).isEqualTo(300000);
    }

    @RepeatedTest(20)
    void delaysAreJitteredBetweenHalfAndTheCeiling() {
        for (int attempt = 1; attempt <= 12; attempt++) {
            long ceiling = backoff.ceilingMillis(attempt);
            assertThat(backoff.delayMillis(attempt).orElseThrow()).isBetween(ceiling / 2, ceiling);
        }
    }

    @Test
    void theBudgetEndsAfterMaxAttempts() {
        assertThat(backoff.delayMillis(12)).isPresent();
        assertThat(backoff.delayMillis(13)).isEmpty();
    }
}
