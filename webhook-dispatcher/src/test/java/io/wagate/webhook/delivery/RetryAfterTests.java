package io.wagate.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryAfterTests {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void secondsAndHttpDatesAreRead() {
        assertThat(RetryAfter.parse("120", NOW)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 5 ", NOW)).isEqualTo(Duration.ofSeconds(5));
        assertThat(RetryAfter.parse("Sat, 21 Nov 2026 10:05:00 GMT", NOW)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void nonsensePastAndHugeValuesAreIgnoredOrCapped() {
        for (String value : new String[] {"", "soon", "-5", "0", "1.5", "Sat, 21 Nov 2026 09:00:00 GMT"}) {
            assertThat(RetryAfter.parse(value, NOW)).as(value).isNull();
        }
        assertThat(RetryAfter.parse(null, NOW)).isNull();
        assertThat(RetryAfter.parse("99999999999", NOW)).isEqualTo(RetryAfter.MAX);
        assertThat(RetryAfter.parse("172800", NOW)).isEqualTo(RetryAfter.MAX);
    }

    @Test
    void pollTimeoutFollowsTheShortestDelay() {
        assertThat(AttemptWorkers.pollTimeout(List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5))))
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(AttemptWorkers.pollTimeout(List.of(Duration.ZERO, Duration.ofMillis(300))))
                .isEqualTo(Duration.ofMillis(60));
        assertThat(AttemptWorkers.pollTimeout(List.of(Duration.ZERO))).isEqualTo(Duration.ofSeconds(1));
    }
}
