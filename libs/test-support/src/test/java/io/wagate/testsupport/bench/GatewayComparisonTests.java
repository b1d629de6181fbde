package io.wagate.testsupport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.testsupport.bench.GatewayComparison.LatencyPhase;
import io.wagate.testsupport.bench.GatewayComparison.Subset;
import io.wagate.testsupport.bench.LoadGenerator.Result;
import io.wagate.testsupport.bench.LoadGenerator.Samples;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayComparisonTests {

    private static Result result(long requests, double p99Millis) {
        return new Result(requests, requests, 1, p99Millis, p99Millis, 100, new Samples(new long[0], new long[0]),
                Map.of());
    }

    private static GatewayComparison comparison(Subset quiet) {
        return comparison(quiet, KernelReclaimMeter.manual(List.of(), () -> 0), quiet);
    }

    private static GatewayComparison comparison(Subset quiet, KernelReclaimMeter reclaim, Subset awayFromReclaim) {
        Result gateway = result(4, 50);
        Result direct = result(4, 10);
        LatencyPhase phase = new LatencyPhase(gateway, direct, List.of(), "quiet machine",
                StealMeter.manual(() -> new MachineCpu(0, 0, 0)), quiet, reclaim, awayFromReclaim);
        return new GatewayComparison(direct, gateway, List.of(0.5), 2, phase, "1 1 1", "1 1 1");
    }

    @Test
    void theReportGivesTheP99OverTheSecondsTheHostLeftAlone() {
        String report = comparison(new Subset(3, 2, 5, 3)).table();

        assertThat(report).contains("Added p99 at half the gateway's maximum rate: 40.00 ms")
                .contains("added p99 2.00 ms (gateway 5.00 vs direct 3.00 ms), from 3 of 4\ngateway and 2 of 4 direct");
    }

    @Test
    void theReportSaysSoWhenTheHostLeftNoSecondAlone() {
        String report = comparison(new Subset(0, 0, Double.NaN, Double.NaN)).table();

        assertThat(report).contains("there were none for the gateway's requests.").doesNotContain("NaN");
    }

    @Test
    void theReportGivesTheP99AwayFromTheKernelsReclaimBursts() {
        long[] cpu = {0, 0, 8_000_000, 8_000_000, 20_000_000};
        int[] next = {0};
        KernelReclaimMeter reclaim = KernelReclaimMeter.manual(List.of("kdamond.0"), () -> cpu[next[0]++]);
        long start = System.nanoTime();
        for (int reading = 1; reading < cpu.length; reading++) {
            reclaim.record(start + reading * KernelReclaimMeter.INTERVAL_NANOS);
        }

        String report = comparison(new Subset(4, 4, 50, 10), reclaim, new Subset(3, 2, 7, 4)).table();

        assertThat(report).contains("The kernel's memory reclaim (kdamond.0) took the CPU in 2 bursts of 5 ms or more\n"
                + "(20 ms in all, median 12 ms, longest 12 ms)")
                .contains("added p99 3.00 ms (gateway 7.00 vs direct 4.00 ms), from 3 of 4 gateway and 2 of 4 direct");
    }

    @Test
    void theReportSaysSoWhenNoReclaimThreadWasFound() {
        assertThat(comparison(new Subset(4, 4, 50, 10)).table())
                .contains("The kernel's memory reclaim was not measured: no kdamond or kswapd thread was found.");
    }
}
