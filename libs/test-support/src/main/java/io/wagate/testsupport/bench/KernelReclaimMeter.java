package io.wagate.testsupport.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * When the kernel's own memory reclaim ran on this machine's CPUs: the CPU time of its reclaim threads ({@code
 * kdamond.*}, DAMON's proactive reclaim, and {@code kswapd*}), read from {@code /proc/<pid>/schedstat} every 10 ms.
 * A guest kernel may page out memory it thinks idle on the host's behalf; that work is not the host's stolen time,
 * so {@link StealMeter} does not see it, yet on a kernel without preemption a burst of it holds one of the CPUs for
 * 5-30 ms, every thread woken onto that CPU waits it out, and a machine busy on the other CPU drains the queue behind
 * it for tens of milliseconds more. With this a report can say which requests were due near such a burst, and what
 * the paths did away from them.
 */
public final class KernelReclaimMeter implements AutoCloseable {

    static final long INTERVAL_NANOS = 10_000_000;
    /** The reclaim CPU a burst must reach to count: shorter ones never held up a request measurably. */
    static final long MIN_BURST_NANOS = 5_000_000;
    /**
     * How long before a burst's first reading a request counts as near it: the kernel accounts a running thread's
     * CPU time at its clock ticks (4 ms here), so a burst may have begun that much before it shows.
     */
    static final long BEFORE_NANOS = 10_000_000;
    /**
     * How long after a burst a request counts as near it: the queue that built up behind it drains for up to about
     * this long at half the gateway's maximum rate (measured with a scheduler recording on 2026-12-05).
     */
    static final long AFTER_NANOS = 60_000_000;

    /** A run of readings in which the reclaim threads were on a CPU: between which moments, and for how long. */
    public record Burst(long startNanos, long endNanos, long cpuNanos) {

        boolean near(long dueNanos) {
            return dueNanos - (startNanos - BEFORE_NANOS) >= 0 && (endNanos + AFTER_NANOS) - dueNanos >= 0;
        }
    }

    private final LongSupplier cpuNanos;
    private final List<String> threads;
    private final @Nullable Thread thread;
    private long[] readingNanos = new long[1024];
    private long[] readingCpu = new long[1024];
    private int readings;
    private volatile boolean running = true;

    private KernelReclaimMeter(List<String> threads, LongSupplier cpuNanos, boolean background) {
        this.threads = threads;
        this.cpuNanos = cpuNanos;
        record(System.nanoTime());
        thread = background && !threads.isEmpty()
                ? Thread.ofPlatform().daemon().name("kernel-reclaim-meter").start(this::measure)
                : null;
    }

    /** Measures the reclaim threads running now; measures nothing where there are none (or no {@code /proc}). */
    public static KernelReclaimMeter start() {
        List<Path> found = reclaimThreads(Path.of("/proc"));
        List<String> names = found.stream().map(KernelReclaimMeter::name).toList();
        return new KernelReclaimMeter(names, () -> cpuNanos(found), true);
    }

    /** For tests: one reading now, more only when {@link #record} is called. */
    static KernelReclaimMeter manual(List<String> threads, LongSupplier cpuNanos) {
        return new KernelReclaimMeter(threads, cpuNanos, false);
    }

    /** The {@code /proc/<pid>} directories of the kernel's reclaim threads. */
    static List<Path> reclaimThreads(Path proc) {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(proc, "[0-9]*")) {
            for (Path process : processes) {
                String name = name(process);
                if (name.startsWith("kdamond") || name.startsWith("kswapd")) {
                    found.add(process);
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return List.copyOf(found);
    }

    private static String name(Path process) {
        try {
            return Files.readString(process.resolve("comm")).strip();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** The threads' CPU time so far: the first field of each {@code schedstat}; a thread that ended counts nothing. */
    static long cpuNanos(List<Path> processes) {
        long total = 0;
        for (Path process : processes) {
            try {
                String schedstat = Files.readString(process.resolve("schedstat"));
                total += Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
            } catch (IOException | RuntimeException e) {
                // gone, or not readable: nothing to add
            }
        }
        return total;
    }

    private void measure() {
        while (running) {
            LockSupport.parkNanos(INTERVAL_NANOS);
            record(System.nanoTime());
        }
    }

    synchronized void record(long nanos) {
        if (readings == readingNanos.length) {
            readingNanos = Arrays.copyOf(readingNanos, 2 * readings);
            readingCpu = Arrays.copyOf(readingCpu, 2 * readings);
        }
        readingNanos[readings] = nanos;
        readingCpu[readings] = cpuNanos.getAsLong();
        readings++;
    }

    /** The names of the threads measured, e.g. {@code [kswapd0, kdamond.0]}; empty when none was found. */
    public List<String> threads() {
        return threads;
    }

    /**
     * The bursts of at least {@link #MIN_BURST_NANOS} of reclaim CPU, in order: consecutive readings in which the
     * threads' CPU time grew make one burst, from the reading before the first to the last.
     */
    public synchronized List<Burst> bursts() {
        List<Burst> bursts = new ArrayList<>();
        int first = -1;
        for (int i = 1; i <= readings; i++) {
            boolean active = i < readings && readingCpu[i] > readingCpu[i - 1];
            if (active && first < 0) {
                first = i;
            } else if (!active && first >= 0) {
                long cpu = readingCpu[i - 1] - readingCpu[first - 1];
                if (cpu >= MIN_BURST_NANOS) {
                    bursts.add(new Burst(readingNanos[first - 1], readingNanos[i - 1], cpu));
                }
                first = -1;
            }
        }
        return List.copyOf(bursts);
    }

    /** Whether a due time ({@link System#nanoTime()}) lies away from every burst (see {@link Burst#near}). */
    public LongPredicate awayFromBursts() {
        List<Burst> bursts = bursts();
        long[] starts = bursts.stream().mapToLong(burst -> burst.startNanos() - BEFORE_NANOS).toArray();
        return due -> {
            // Bursts do not overlap and come in order, so the last one whose window opened by the due time is also
            // the one whose window closes last among those: if it does not hold the due time, none does.
            int index = Arrays.binarySearch(starts, due);
            int last = index >= 0 ? index : -index - 2;
            return last < 0 || !bursts.get(last).near(due);
        };
    }

    /**
     * Every burst as a {@code reclaim,start epoch millis,milliseconds of CPU,end epoch millis} CSV line (the start and
     * end of the readings around it: its CPU time often spans several times as long).
     */
    public void appendCsv(StringBuilder out) {
        long epochOffsetNanos = System.currentTimeMillis() * 1_000_000 - System.nanoTime();
        for (Burst burst : bursts()) {
            out.append("reclaim,").append((burst.startNanos() + epochOffsetNanos) / 1_000_000).append(',')
                    .append("%.1f".formatted(burst.cpuNanos() / 1e6)).append(',')
                    .append((burst.endNanos() + epochOffsetNanos) / 1_000_000).append('\n');
        }
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }
}
