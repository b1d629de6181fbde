package io.wagate.testsupport.bench;

import io.wagate.testsupport.bench.LoadGenerator.Result;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The same request through the gateway and straight to what is behind it, measured in one run: warm-up (two thirds
 * through the gateway), the maximum rate of each (closed loop, direct first), then both at half the gateway's
 * maximum (open loop, latency from the intended send time) in alternating one-second slices, so that the machine's
 * background work falls on both alike rather than on whichever window it happened in. The targets: gateway
 * throughput at least half of direct, at most 5 ms added p99 at half the gateway's maximum.
 */
public record GatewayComparison(Result directMax, Result gatewayMax, double rate, Result gatewayAtRate,
        Result directAtRate, String loadBefore, String loadAfter) {

    public static GatewayComparison run(LoadGenerator load, Supplier<HttpRequest> direct,
            Supplier<HttpRequest> viaGateway, int concurrency, Duration warmUp, Duration measure)
            throws InterruptedException {
        return run(load, direct, viaGateway, concurrency, warmUp, measure, measure);
    }

    /**
     * @param latency time per path at half the gateway's maximum: the p99 of a short window is set by one stall of
     *     any process on the machine (a collection, a compilation), so a longer one gives a steadier figure
     */
    public static GatewayComparison run(LoadGenerator load, Supplier<HttpRequest> direct,
            Supplier<HttpRequest> viaGateway, int concurrency, Duration warmUp, Duration measure, Duration latency)
            throws InterruptedException {
        String loadBefore = LoadGenerator.loadAverage();
        load.closedLoop(viaGateway, concurrency, warmUp.multipliedBy(2).dividedBy(3));
        load.closedLoop(direct, concurrency, warmUp.dividedBy(3));
        Result directMax = load.closedLoop(direct, concurrency, measure);
        Result gatewayMax = load.closedLoop(viaGateway, concurrency, measure);
        double rate = gatewayMax.throughput() / 2;
        Result[] atRate = load.openLoopAlternating(viaGateway, direct, rate, latency, Duration.ofSeconds(1));
        Result gatewayAtRate = atRate[0];
        Result directAtRate = atRate[1];
        return new GatewayComparison(directMax, gatewayMax, rate, gatewayAtRate, directAtRate, loadBefore,
                LoadGenerator.loadAverage());
    }

    public double throughputRatio() {
        return gatewayMax.throughput() / directMax.throughput();
    }

    public double addedP99Millis() {
        return gatewayAtRate.p99Millis() - directAtRate.p99Millis();
    }

    public double addedCpuMicros() {
        return gatewayMax.cpuMicrosPerRequest() - directMax.cpuMicrosPerRequest();
    }

    /** The results as a Markdown table, the verdict on both targets, and how busy the machine was. */
    public String table() {
        return """
                | measurement | throughput (req/s) | p50 (ms) | p99 (ms) | p99.9 (ms) | errors | CPU per request (us) |
                | --- | ---: | ---: | ---: | ---: | ---: | ---: |
                %s
                %s
                %s
                %s

                Gateway throughput / direct: %.0f %% (target >= 50 %%). Added p99 at half the gateway's maximum rate:
                %.2f ms (target <= 5 ms). CPU the gateway adds per request (closed loop): %.0f us.
                Load average (1/5/15 min) before: %s, after: %s.
                """.formatted(row("direct, max (closed loop)", directMax), row("gateway, max (closed loop)", gatewayMax),
                row("direct at %.0f req/s (open loop)".formatted(rate), directAtRate),
                row("gateway at %.0f req/s (open loop)".formatted(rate), gatewayAtRate),
                100 * throughputRatio(), addedP99Millis(), addedCpuMicros(), loadBefore, loadAfter);
    }

    /** Prints a report and writes it to {@code target/benchmark-results.md} of the running module. */
    public static void publish(String report) throws IOException {
        System.out.println(report);
        Path out = Path.of("target", "benchmark-results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static String row(String name, Result result) {
        return "| %s | %.0f | %.2f | %.2f | %.2f | %d | %.0f |".formatted(name, result.throughput(),
                result.p50Millis(), result.p99Millis(), result.p999Millis(), result.errors(),
                result.cpuMicrosPerRequest());
    }
}
