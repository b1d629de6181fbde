package io.wagate.testsupport.bench;

import io.wagate.testsupport.bench.HiccupMeter.Hiccup;
import io.wagate.testsupport.bench.LoadGenerator.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

/**
 * The same request through the gateway and straight to what is behind it, measured in one run: warm-up (two thirds
 * through the gateway), the maximum rate of each (closed loop, three alternating windows per path, each path's
 * median compared), then both at half the gateway's maximum (open loop, latency from the intended send time) in
 * alternating one-second slices, so that the machine's background work falls on both alike rather than on whichever
 * window it happened in; that pattern runs unrecorded first ({@code settle}), because its paths (a second's pause
 * between a caller's bursts, timers running out) are not the closed loop's, and the compiler takes to them only
 * once they run. The targets: gateway
 * throughput at least half of direct, at most 5 ms added p99 at half the gateway's maximum.
 *
 * @param atRate both paths at half the gateway's maximum
 */
public record GatewayComparison(Result directMax, Result gatewayMax, List<Double> roundRatios, double rate,
        LatencyPhase atRate, String loadBefore, String loadAfter) {

    /**
     * Windows per path for the maximum, alternating direct and gateway: the machine's neighbours and background work
     * change from one window to the next, so each path's median of three is compared rather than one window each.
     */
    static final int MAXIMUM_ROUNDS = 3;
    private static final long SECOND_NANOS = 1_000_000_000L;

    /**
     * The most CPU the host may take, in the second a request was due and the next, for the request to count as due
     * in a second the host left alone.
     */
    public static final double MAX_STOLEN = 0.02;

    /**
     * Both paths at the same rate.
     *
     * @param hiccups the machine's pauses meanwhile (see {@link HiccupMeter})
     * @param conditions how busy the machine was, in words
     * @param quiet the requests due in the seconds the host left alone. On a shared host the hypervisor takes CPU in
     *     bursts of seconds; a burst on a machine already two-thirds busy queues every request behind it, and the
     *     gateway's slices, the busier ones, suffer most
     * @param awayFromReclaim the requests due away from the kernel's memory reclaim bursts (see {@link
     *     KernelReclaimMeter})
     */
    public record LatencyPhase(Result gateway, Result direct, List<Hiccup> hiccups, String conditions,
            StealMeter steal, Subset quiet, KernelReclaimMeter reclaim, Subset awayFromReclaim) {

        public double addedP99Millis() {
            return gateway.p99Millis() - direct.p99Millis();
        }
    }

    /**
     * The half-rate phase over some of its requests: the target is judged on all of them; a subset says how much of
     * the result something outside the measured code (the host, the kernel) made.
     *
     * @param gatewayRequests how many of the gateway's requests the subset holds
     */
    public record Subset(long gatewayRequests, long directRequests, double gatewayP99Millis,
            double directP99Millis) {

        static Subset of(Result gateway, Result direct, LongPredicate due) {
            return new Subset(gateway.samples().count(due), direct.samples().count(due),
                    gateway.samples().percentileMillis(0.99, due), direct.samples().percentileMillis(0.99, due));
        }

        public double addedP99Millis() {
            return gatewayP99Millis - directP99Millis;
        }

        boolean holdsBothPaths() {
            return gatewayRequests > 0 && directRequests > 0;
        }
    }

    public static GatewayComparison run(LoadGenerator load, LoadRequest direct, LoadRequest viaGateway,
            int concurrency, Duration warmUp, Duration measure) throws InterruptedException {
        return run(load, direct, viaGateway, concurrency, warmUp, measure, measure.dividedBy(2), measure);
    }

    /**
     * @param settle time per path at half the gateway's maximum, unrecorded, before the recorded {@code latency}
     * @param latency time per path at half the gateway's maximum: the p99 of a short window is set by one stall of
     *     any process on the machine (a collection, a compilation), so a longer one gives a steadier figure
     */
    public static GatewayComparison run(LoadGenerator load, LoadRequest direct, LoadRequest viaGateway,
            int concurrency, Duration warmUp, Duration measure, Duration settle, Duration latency)
            throws InterruptedException {
        String loadBefore = LoadGenerator.loadAverage();
        load.closedLoop(viaGateway, concurrency, warmUp.multipliedBy(2).dividedBy(3));
        load.closedLoop(direct, concurrency, warmUp.dividedBy(3));
        List<Result> directRounds = new ArrayList<>();
        List<Result> gatewayRounds = new ArrayList<>();
        List<Double> roundRatios = new ArrayList<>();
        for (int round = 0; round < MAXIMUM_ROUNDS; round++) {
            Result directRound = load.closedLoop(direct, concurrency, measure);
            Result gatewayRound = load.closedLoop(viaGateway, concurrency, measure);
            directRounds.add(directRound);
            gatewayRounds.add(gatewayRound);
            roundRatios.add(gatewayRound.throughput() / directRound.throughput());
        }
        Result directMax = median(directRounds);
        Result gatewayMax = median(gatewayRounds);
        double rate = gatewayMax.throughput() / 2;
        if (settle.isPositive()) {
            load.openLoopAlternating(viaGateway, direct, rate, settle, Duration.ofSeconds(1));
        }
        LatencyPhase atRate = latency(load, direct, viaGateway, rate, latency);
        return new GatewayComparison(directMax, gatewayMax, List.copyOf(roundRatios), rate, atRate, loadBefore,
                LoadGenerator.loadAverage());
    }

    /** The window with the median throughput. */
    private static Result median(List<Result> rounds) {
        List<Result> sorted = new ArrayList<>(rounds);
        sorted.sort(Comparator.comparingDouble(Result::throughput));
        return sorted.get(sorted.size() / 2);
    }

    private static LatencyPhase latency(LoadGenerator load, LoadRequest direct, LoadRequest viaGateway, double rate,
            Duration duration) throws InterruptedException {
        MachineCpu cpuBefore = MachineCpu.now();
        long start = System.nanoTime();
        try (HiccupMeter meter = HiccupMeter.start(); StealMeter steal = StealMeter.start();
                KernelReclaimMeter reclaim = KernelReclaimMeter.start()) {
            Result[] atRate = load.openLoopAlternating(viaGateway, direct, rate, duration, Duration.ofSeconds(1));
            // The last second's window ends after the phase: one more reading covers it.
            LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
            Subset quiet = Subset.of(atRate[0], atRate[1], quietSeconds(steal, start));
            Subset awayFromReclaim = Subset.of(atRate[0], atRate[1], reclaim.awayFromBursts());
            return new LatencyPhase(atRate[0], atRate[1], meter.hiccups(),
                    meter.summary() + "; " + MachineCpu.now().since(cpuBefore), steal, quiet, reclaim,
                    awayFromReclaim);
        }
    }

    /**
     * Whether a due time ({@link System#nanoTime()}) fell in a second, counted from {@code startNanos}, in which and
     * in the second after which the host took less than {@link #MAX_STOLEN} of the CPU.
     */
    static LongPredicate quietSeconds(StealMeter steal, long startNanos) {
        Map<Long, Boolean> bySecond = new HashMap<>();
        return due -> bySecond.computeIfAbsent(Math.floorDiv(due - startNanos, SECOND_NANOS), second -> {
            long from = startNanos + second * SECOND_NANOS;
            return steal.stolenBetween(from, from + 2 * SECOND_NANOS) < MAX_STOLEN;
        });
    }

    public double throughputRatio() {
        return gatewayMax.throughput() / directMax.throughput();
    }

    public double addedCpuMicros() {
        return gatewayMax.cpuMicrosPerRequest() - directMax.cpuMicrosPerRequest();
    }

    /** The results as a Markdown table, the verdict on both targets, and how busy the machine was. */
    public String table() {
        StringBuilder table = new StringBuilder("""
                | measurement | throughput (req/s) | p50 (ms) | p99 (ms) | p99.9 (ms) | errors | CPU per request (us) |
                | --- | ---: | ---: | ---: | ---: | ---: | ---: |
                """);
        table.append(row("direct, max (closed loop, median window)", directMax))
                .append(row("gateway, max (closed loop, median window)", gatewayMax))
                .append(row("direct at %.0f req/s (open loop)".formatted(rate), atRate.direct()))
                .append(row("gateway at %.0f req/s (open loop)".formatted(rate), atRate.gateway()));
        return table.append("""

                Gateway throughput / direct: %.0f %% (target >= 50 %%; each path's median of %d alternating windows; the
                rounds' own ratios: %s). Added p99 at half the gateway's maximum rate: %.2f ms (target <= 5 ms).
                CPU the gateway adds per request (closed loop): %.0f us.
                Load average (1/5/15 min) before: %s, after: %s.
                During the half-rate phase: %s.
                %s
                %s
                """.formatted(100 * throughputRatio(), MAXIMUM_ROUNDS, roundRatios.stream()
                        .map(ratio -> "%.0f %%".formatted(100 * ratio)).collect(Collectors.joining(", ")),
                atRate.addedP99Millis(), addedCpuMicros(), loadBefore, loadAfter,
                atRate.conditions(), quietSummary(), reclaimSummary())).toString();
    }

    /** The half-rate phase in the seconds the host left alone, in words (see {@link LatencyPhase#quiet}). */
    String quietSummary() {
        Subset quiet = atRate.quiet();
        String which = "the seconds of that phase the host left alone (under %.0f %% of the CPU stolen in the second a\n"
                .formatted(100 * MAX_STOLEN) + "request was due and the next)";
        if (!quiet.holdsBothPaths()) {
            return "No figure for " + which + ": there were none for "
                    + (quiet.gatewayRequests() == 0 ? "the gateway's" : "the direct") + " requests.";
        }
        return """
                In %s: added p99 %.2f ms (gateway %.2f vs direct %.2f ms), from %d of %d
                gateway and %d of %d direct requests.""".formatted(which, quiet.addedP99Millis(),
                quiet.gatewayP99Millis(), quiet.directP99Millis(), quiet.gatewayRequests(), atRate.gateway().requests(),
                quiet.directRequests(), atRate.direct().requests());
    }

    /** The half-rate phase away from the kernel's reclaim bursts, in words (see {@link KernelReclaimMeter}). */
    String reclaimSummary() {
        KernelReclaimMeter reclaim = atRate.reclaim();
        if (reclaim.threads().isEmpty()) {
            return "The kernel's memory reclaim was not measured: no kdamond or kswapd thread was found.";
        }
        List<KernelReclaimMeter.Burst> bursts = reclaim.bursts();
        String what = "The kernel's memory reclaim (" + String.join(", ", reclaim.threads()) + ")";
        if (bursts.isEmpty()) {
            return what + " ran no burst of %d ms or more.".formatted(KernelReclaimMeter.MIN_BURST_NANOS / 1_000_000);
        }
        Subset away = atRate.awayFromReclaim();
        String figure = away.holdsBothPaths()
                ? ("added p99 %.2f ms (gateway %.2f vs direct %.2f ms), from %d of %d gateway and %d of %d direct"
                        + " requests").formatted(away.addedP99Millis(), away.gatewayP99Millis(), away.directP99Millis(),
                                away.gatewayRequests(), atRate.gateway().requests(), away.directRequests(),
                                atRate.direct().requests())
                : "no figure: no request of " + (away.gatewayRequests() == 0 ? "the gateway" : "the direct path")
                        + " was due away from them";
        long[] cpuMillis = bursts.stream().mapToLong(burst -> burst.cpuNanos() / 1_000_000).sorted().toArray();
        return """
                %s took the CPU in %d bursts of %d ms or more
                (%d ms in all, median %d ms, longest %d ms); leaving out the requests due from %d ms before to %d ms
                after each: %s.""".formatted(what, bursts.size(),
                KernelReclaimMeter.MIN_BURST_NANOS / 1_000_000, Arrays.stream(cpuMillis).sum(),
                cpuMillis[cpuMillis.length / 2], cpuMillis[cpuMillis.length - 1],
                KernelReclaimMeter.BEFORE_NANOS / 1_000_000, KernelReclaimMeter.AFTER_NANOS / 1_000_000, figure);
    }

    /** Prints a report and writes it to {@code target/benchmark-results.md} of the running module. */
    public static void publish(String report) throws IOException {
        System.out.println(report);
        Path out = Path.of("target", "benchmark-results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /**
     * Writes every request of the half-rate phase to {@code target/latency-samples.csv} ({@code path,due epoch
     * millis,latency millis}), the machine's pauses ({@code pause,end epoch millis,millis}) and the host's steal
     * every 250 ms ({@code steal,epoch millis,percent of the CPU since the reading before}) and the kernel's reclaim
     * bursts ({@code reclaim,start epoch millis,milliseconds of CPU,end epoch millis}), to line the slow requests up
     * with pauses, collections, CPU steal, reclaim and the services' logs.
     */
    public void publishSamples() throws IOException {
        StringBuilder csv = new StringBuilder("path,due_epoch_ms,latency_ms\n");
        atRate.gateway().samples().appendCsv("gateway", csv);
        atRate.direct().samples().appendCsv("direct", csv);
        for (Hiccup hiccup : atRate.hiccups()) {
            csv.append("pause,").append(hiccup.endEpochMillis()).append(',').append("%.3f".formatted(hiccup.millis()))
                    .append('\n');
        }
        atRate.steal().appendCsv(csv);
        atRate.reclaim().appendCsv(csv);
        Path out = Path.of("target", "latency-samples.csv");
        Files.createDirectories(out.getParent());
        Files.writeString(out, csv);
    }

    private static String row(String name, Result result) {
        return "| %s | %.0f | %.2f | %.2f | %.2f | %s | %.0f |\n".formatted(name, result.throughput(),
                result.p50Millis(), result.p99Millis(), result.p999Millis(), errors(result),
                result.cpuMicrosPerRequest());
    }

    /** The count, and by status when there are any: {@code 24 (503: 20, no answer: 4)}. */
    private static String errors(Result result) {
        if (result.errors() == 0) {
            return "0";
        }
        return result.errors() + " (" + result.errorStatuses().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> (entry.getKey() < 0 ? "no answer" : entry.getKey()) + ": " + entry.getValue())
                .collect(Collectors.joining(", ")) + ")";
    }
}
