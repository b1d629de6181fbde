package io.wagate.testsupport.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * HTTP load for benchmarks, on the JDK client and virtual threads: a closed loop (a fixed number of requests in
 * flight: the maximum rate) and an open loop (a fixed send rate whatever the answers do, latency counted from when
 * a request was due, so a slow phase is not hidden by sending less). Only 200 answers count as successes.
 */
public final class LoadGenerator {

    /**
     * One measurement.
     *
     * @param cpuMicrosPerRequest CPU time of the measured processes (see the constructor) per successful request
     */
    public record Result(double throughput, long requests, long errors, double p50Millis, double p99Millis,
            double p999Millis, double cpuMicrosPerRequest) {
    }

    private final HttpClient client;
    private final LongSupplier cpuNanos;

    /**
     * @param cpuNanos the CPU time, in nanoseconds, of whatever processes the measurement should be charged with
     */
    public LoadGenerator(HttpClient client, LongSupplier cpuNanos) {
        this.client = client;
        this.cpuNanos = cpuNanos;
    }

    /** {@code concurrency} requests in flight all the time. */
    public Result closedLoop(Supplier<HttpRequest> request, int concurrency, Duration duration)
            throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        Recorder recorder = new Recorder((int) Math.min(20_000_000, duration.toSeconds() * 200_000), cpuNanos);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            workers.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    recorder.record(sent, call(request.get()));
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return recorder.result();
    }

    /** Requests sent at {@code rate} per second; latency counts from each request's intended send time. */
    public Result openLoop(Supplier<HttpRequest> request, double rate, Duration duration) {
        long total = (long) (rate * duration.toSeconds());
        long intervalNanos = (long) (1_000_000_000 / rate);
        Recorder recorder = new Recorder((int) total + 1, cpuNanos);
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            sendPaced(senders, request, recorder, total, intervalNanos);
        }
        return recorder.result();
    }

    /**
     * Two requests, each at {@code rate} per second, in alternating slices of {@code slice} for {@code duration}
     * each in total: the background work of the machine (collections, compilations, other processes' timers) then
     * falls on both alike instead of on whichever ran when it happened, so their difference is measured with far
     * less noise than in two consecutive windows. Latency counts from each request's intended send time; CPU is
     * charged to the path whose slice it was.
     */
    public Result[] openLoopAlternating(Supplier<HttpRequest> first, Supplier<HttpRequest> second, double rate,
            Duration duration, Duration slice) {
        long slices = Math.max(1, duration.toNanos() / slice.toNanos());
        long perSlice = Math.max(1, (long) (rate * slice.toNanos() / 1e9));
        long intervalNanos = (long) (1_000_000_000 / rate);
        Recorder[] recorders = {new Recorder((int) (slices * perSlice) + 1, () -> 0),
                new Recorder((int) (slices * perSlice) + 1, () -> 0)};
        List<Supplier<HttpRequest>> requests = List.of(first, second);
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long round = 0; round < 2 * slices; round++) {
                int path = (int) (round % 2);
                Recorder recorder = recorders[path];
                Supplier<HttpRequest> request = requests.get(path);
                long cpuAtStart = cpuNanos.getAsLong();
                long start = sendPaced(senders, request, recorder, perSlice, intervalNanos);
                long sliceEnd = start + perSlice * intervalNanos;
                long rest = sliceEnd - System.nanoTime();
                if (rest > 0) {
                    LockSupport.parkNanos(rest);
                }
                recorder.addActive(System.nanoTime() - start, cpuNanos.getAsLong() - cpuAtStart);
            }
        }
        return new Result[] {recorders[0].result(), recorders[1].result()};
    }

    /**
     * Sends {@code count} requests, one every {@code intervalNanos} from now, each recorded from its intended send
     * time (a late sender does not hide the wait it caused); returns when the last is sent, with the start time.
     */
    private long sendPaced(ExecutorService senders, Supplier<HttpRequest> request, Recorder recorder, long count,
            long intervalNanos) {
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            long intended = start + i * intervalNanos;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            senders.execute(() -> recorder.record(intended, call(request.get())));
        }
        return start;
    }

    /** CPU time of this JVM, in nanoseconds. */
    public static long thisProcessCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time of other processes (for example the services of a local run), in nanoseconds. */
    public static long cpuNanosOf(List<ProcessHandle> processes) {
        return processes.stream()
                .mapToLong(process -> process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum();
    }

    /** Other processes on the machine skew a benchmark; reports say how busy it was. */
    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private int call(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static final class Recorder {
        private final AtomicLongArray latencies;
        private final AtomicInteger count = new AtomicInteger();
        private final AtomicLong errors = new AtomicLong();
        private final LongSupplier cpuNanos;
        private final long startNanos = System.nanoTime();
        private final long cpuAtStart;
        /** Set when the recorder was active in slices only: their total time and CPU. */
        private long activeNanos = -1;
        private long activeCpuNanos;

        Recorder(int capacity, LongSupplier cpuNanos) {
            this.latencies = new AtomicLongArray(capacity);
            this.cpuNanos = cpuNanos;
            this.cpuAtStart = cpuNanos.getAsLong();
        }

        void record(long sentNanos, int status) {
            if (status != 200) {
                errors.incrementAndGet();
                return;
            }
            int index = count.getAndIncrement();
            if (index < latencies.length()) {
                latencies.set(index, System.nanoTime() - sentNanos);
            }
        }

        void addActive(long nanos, long cpu) {
            activeNanos = Math.max(0, activeNanos) + nanos;
            activeCpuNanos += cpu;
        }

        Result result() {
            long elapsedNanos = activeNanos >= 0 ? activeNanos : System.nanoTime() - startNanos;
            int n = Math.min(count.get(), latencies.length());
            long[] sorted = new long[n];
            for (int i = 0; i < n; i++) {
                sorted[i] = latencies.get(i);
            }
            Arrays.sort(sorted);
            long cpu = activeNanos >= 0 ? activeCpuNanos : cpuNanos.getAsLong() - cpuAtStart;
            double cpuPerRequest = cpu / 1e3 / Math.max(1, count.get());
            return new Result(count.get() / (elapsedNanos / 1e9), count.get(), errors.get(), percentile(sorted, 0.50),
                    percentile(sorted, 0.99), percentile(sorted, 0.999), cpuPerRequest);
        }

        private static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
        }
    }
}
