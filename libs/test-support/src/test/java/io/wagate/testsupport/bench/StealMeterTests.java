package io.wagate.testsupport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.testsupport.bench.LoadGenerator.Samples;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;

class StealMeterTests {

    private static final long SECOND = 1_000_000_000L;

    /** Readings handed out in order: busy, idle and steal ticks so far. */
    private static StealMeter meterReading(MachineCpu... readings) {
        Queue<MachineCpu> queue = new ArrayDeque<>(List.of(readings));
        return StealMeter.manual(queue::remove);
    }

    @Test
    void theStolenShareIsMeasuredBetweenTheReadingsAroundTheSpan() {
        StealMeter meter = meterReading(new MachineCpu(0, 0, 0), new MachineCpu(50, 50, 0),
                new MachineCpu(100, 60, 40), new MachineCpu(190, 70, 40));
        long start = System.nanoTime();
        meter.record(start + SECOND);
        meter.record(start + 2 * SECOND);
        meter.record(start + 3 * SECOND);

        // Second 1 to 2: 50 busy, 10 idle, 40 stolen ticks.
        assertThat(meter.stolenBetween(start + SECOND, start + 2 * SECOND)).isEqualTo(0.4);
        // A span inside one interval widens to the readings around it.
        assertThat(meter.stolenBetween(start + SECOND + 1, start + 2 * SECOND - 1)).isEqualTo(0.4);
        assertThat(meter.stolenBetween(start + 2 * SECOND, start + 3 * SECOND)).isZero();
        // Not covered by readings yet: unknown, never "quiet".
        assertThat(meter.stolenBetween(start + 2 * SECOND, start + 4 * SECOND)).isNaN();
    }

    @Test
    void onlyRequestsDueInSecondsTheHostLeftAloneCountAsQuiet() {
        // Readings every second; the host takes 30 % of the CPU in the third second only.
        StealMeter meter = meterReading(new MachineCpu(0, 0, 0), new MachineCpu(0, 0, 0), new MachineCpu(50, 50, 0),
                new MachineCpu(100, 100, 0), new MachineCpu(150, 120, 30), new MachineCpu(200, 170, 30),
                new MachineCpu(250, 220, 30));
        long start = System.nanoTime() + SECOND;
        for (int second = 0; second <= 5; second++) {
            meter.record(start + second * SECOND);
        }
        LongPredicate quiet = GatewayComparison.quietSeconds(meter, start);

        assertThat(quiet.test(start)).isTrue();
        // The window of second 1 is seconds 1 and 2: it includes the burst.
        assertThat(quiet.test(start + SECOND + SECOND / 2)).isFalse();
        assertThat(quiet.test(start + 2 * SECOND)).isFalse();
        assertThat(quiet.test(start + 3 * SECOND)).isTrue();

        Samples samples = new Samples(new long[] {start, start + 2 * SECOND, start + 3 * SECOND, start + 3 * SECOND},
                new long[] {2_000_000, 400_000_000, 3_000_000, 5_000_000});
        assertThat(samples.count(quiet)).isEqualTo(3);
        assertThat(samples.percentileMillis(0.99, quiet)).isEqualTo(5.0);
        assertThat(samples.percentileMillis(0.99, due -> true)).isEqualTo(400.0);
        assertThat(samples.percentileMillis(0.99, due -> false)).isNaN();
    }

    @Test
    void theCsvHasTheShareStolenInEachInterval() {
        StealMeter meter = meterReading(new MachineCpu(0, 0, 0), new MachineCpu(50, 40, 10));
        meter.record(System.nanoTime());
        StringBuilder csv = new StringBuilder();

        meter.appendCsv(csv);

        assertThat(csv.toString()).matches("steal,\\d+,10\\.0\\n");
    }
}
