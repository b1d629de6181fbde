package io.wagate.testsupport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.testsupport.bench.KernelReclaimMeter.Burst;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelReclaimMeterTests {

    private static final long MS = 1_000_000L;

    /** A meter whose readings are the given reclaim CPU totals (ms), taken every 10 ms from {@code start}. */
    private static KernelReclaimMeter meterReading(long start, long... cpuMillis) {
        Queue<Long> queue = new ArrayDeque<>();
        for (long millis : cpuMillis) {
            queue.add(millis * MS);
        }
        KernelReclaimMeter meter = KernelReclaimMeter.manual(List.of("kdamond.0"), queue::remove);
        for (int reading = 1; reading < cpuMillis.length; reading++) {
            meter.record(start + reading * KernelReclaimMeter.INTERVAL_NANOS);
        }
        return meter;
    }

    @Test
    void consecutiveReadingsWithReclaimCpuMakeOneBurstAndShortOnesAreLeftOut() {
        long start = System.nanoTime();
        // Reading times (ms after the first): 0, 10, 20, 30, 40, 50, 60, 70; reclaim CPU so far (ms) below.
        KernelReclaimMeter meter = meterReading(start, 0, 0, 6, 16, 16, 19, 19, 25);

        List<Burst> bursts = meter.bursts();

        // 10-30 ms: 16 ms of CPU; 40-50 ms: only 3 ms, left out; 60-70 ms: 6 ms, still running at the last reading.
        assertThat(bursts).containsExactly(new Burst(start + 10 * MS, start + 30 * MS, 16 * MS),
                new Burst(start + 60 * MS, start + 70 * MS, 6 * MS));
    }

    @Test
    void requestsDueFromTenMillisecondsBeforeToSixtyAfterABurstAreNearIt() {
        long start = System.nanoTime();
        // One burst from 100 to 120 ms, one from 400 to 410 ms.
        long[] cpu = new long[51];
        for (int i = 11; i <= 12; i++) {
            cpu[i] = cpu[i - 1] + 10;
        }
        for (int i = 13; i < cpu.length; i++) {
            cpu[i] = i == 41 ? cpu[i - 1] + 7 : cpu[i - 1];
        }
        LongPredicate away = meterReading(start, cpu).awayFromBursts();

        assertThat(away.test(start + 89 * MS)).isTrue();
        assertThat(away.test(start + 90 * MS)).isFalse();
        assertThat(away.test(start + 150 * MS)).isFalse();
        assertThat(away.test(start + 180 * MS)).isFalse();
        assertThat(away.test(start + 181 * MS)).isTrue();
        assertThat(away.test(start + 389 * MS)).isTrue();
        assertThat(away.test(start + 395 * MS)).isFalse();
        assertThat(away.test(start + 470 * MS)).isFalse();
        assertThat(away.test(start + 471 * MS)).isTrue();
        assertThat(away.test(start - 1_000 * MS)).isTrue();
    }

    @Test
    void withoutBurstsEveryRequestIsAway() {
        long start = System.nanoTime();
        KernelReclaimMeter meter = meterReading(start, 0, 2, 4, 4, 4);

        assertThat(meter.bursts()).isEmpty();
        assertThat(meter.awayFromBursts().test(start + 20 * MS)).isTrue();
    }

    @Test
    void theReclaimThreadsAreFoundByNameAndTheirCpuTimeAdded(@TempDir Path proc) throws IOException {
        process(proc, "1", "systemd", "900 1 1");
        process(proc, "42", "kswapd0", "1500 2 3");
        process(proc, "83", "kdamond.0", "250000 7 8");
        process(proc, "977", "java", "123456789 1 1");
        Files.createDirectories(proc.resolve("self"));

        List<Path> threads = KernelReclaimMeter.reclaimThreads(proc);

        assertThat(threads).containsExactlyInAnyOrder(proc.resolve("42"), proc.resolve("83"));
        assertThat(KernelReclaimMeter.cpuNanos(threads)).isEqualTo(251_500);
        // A thread that ended in the meantime counts nothing rather than failing the reading.
        assertThat(KernelReclaimMeter.cpuNanos(List.of(proc.resolve("83"), proc.resolve("4242"))))
                .isEqualTo(250_000);
    }

    @Test
    void noProcMeansNoThreads(@TempDir Path empty) {
        assertThat(KernelReclaimMeter.reclaimThreads(empty.resolve("missing"))).isEmpty();
    }

    @Test
    void theCsvHasOneLinePerBurst() {
        KernelReclaimMeter meter = meterReading(System.nanoTime(), 0, 12, 12);
        StringBuilder csv = new StringBuilder();

        meter.appendCsv(csv);

        String[] line = csv.toString().strip().split(",");
        assertThat(line).hasSize(4);
        assertThat(line[0]).isEqualTo("reclaim");
        assertThat(line[2]).isEqualTo("12.0");
        // From the reading before the burst to its last: at most 10 ms apart.
        assertThat(Long.parseLong(line[3]) - Long.parseLong(line[1])).isBetween(1L, 11L);
    }

    private static void process(Path proc, String pid, String comm, String schedstat) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(pid));
        Files.writeString(dir.resolve("comm"), comm + "\n");
        Files.writeString(dir.resolve("schedstat"), schedstat + "\n");
    }
}
