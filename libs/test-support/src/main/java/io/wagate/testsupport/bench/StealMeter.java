package io.wagate.testsupport.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * How much CPU the host took from this machine, moment by moment: {@code /proc/stat} read every 250 ms. A phase's
 * overall steal hides bursts: in one run the host took 20-37 % of the CPU in every second of a 23-second stretch,
 * 7.6 % averaged over the phase, and both paths' p99 in that stretch was several times that of the seconds around
 * it. With this a report can say which seconds the host left alone, and what the paths did in those.
 */
public final class StealMeter implements AutoCloseable {

    static final long INTERVAL_NANOS = 250_000_000;

    /** One reading: when ({@link System#nanoTime()}) and the machine's CPU ticks so far. */
    record Reading(long nanos, MachineCpu cpu) {
    }

    private final List<Reading> readings = new ArrayList<>();
    private final Supplier<MachineCpu> source;
    private final @Nullable Thread thread;
    private volatile boolean running = true;

    private StealMeter(Supplier<MachineCpu> source, boolean background) {
        this.source = source;
        record(System.nanoTime());
        thread = background ? Thread.ofPlatform().daemon().name("steal-meter").start(this::measure) : null;
    }

    public static StealMeter start() {
        return new StealMeter(MachineCpu::now, true);
    }

    /** For tests: one reading now, more only when {@link #record} is called. */
    static StealMeter manual(Supplier<MachineCpu> source) {
        return new StealMeter(source, false);
    }

    private void measure() {
        while (running) {
            LockSupport.parkNanos(INTERVAL_NANOS);
            record(System.nanoTime());
        }
    }

    void record(long nanos) {
        MachineCpu cpu = source.get();
        synchronized (readings) {
            readings.add(new Reading(nanos, cpu));
        }
    }

    /**
     * The share of the CPU the host took between two moments ({@link System#nanoTime()}), measured from the last
     * reading at or before {@code fromNanos} to the first at or after {@code toNanos}; NaN when the readings do not
     * cover the span or the machine has no {@code /proc/stat}.
     */
    public double stolenBetween(long fromNanos, long toNanos) {
        Reading first = null;
        Reading last = null;
        synchronized (readings) {
            for (Reading reading : readings) {
                if (reading.nanos() - fromNanos <= 0) {
                    first = reading;
                }
                if (last == null && reading.nanos() - toNanos >= 0) {
                    last = reading;
                }
            }
        }
        return first == null || last == null ? Double.NaN : last.cpu().stolenSince(first.cpu());
    }

    /** Every reading as {@code steal,epoch millis,percent of the CPU stolen since the reading before} CSV lines. */
    public void appendCsv(StringBuilder out) {
        long epochOffsetNanos = System.currentTimeMillis() * 1_000_000 - System.nanoTime();
        List<Reading> all;
        synchronized (readings) {
            all = List.copyOf(readings);
        }
        for (int i = 1; i < all.size(); i++) {
            double stolen = all.get(i).cpu().stolenSince(all.get(i - 1).cpu());
            if (!Double.isNaN(stolen)) {
                out.append("steal,").append((all.get(i).nanos() + epochOffsetNanos) / 1_000_000).append(',')
                        .append("%.1f".formatted(100 * stolen)).append('\n');
            }
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
