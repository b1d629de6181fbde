package io.wagate.testsupport.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * How often and how long the machine keeps a runnable thread from running: a thread asks to sleep 2 ms, over and
 * over, and every wake-up later than that is a pause that any request in flight at that moment suffered too
 * (scheduling delay, CPU steal, this JVM's own collections). It tells a slow request caused by the measured code
 * from one caused by the machine.
 */
public final class HiccupMeter implements AutoCloseable {

    private static final long SLEEP_NANOS = 2_000_000;
    /** Wake-ups later than this are kept one by one; smaller ones are only counted. */
    private static final long KEEP_NANOS = 3_000_000;

    /** One late wake-up: when it ended (epoch millis) and by how much it was late. */
    public record Hiccup(long endEpochMillis, double millis) {
    }

    private final Thread thread;
    private final List<Hiccup> hiccups = new ArrayList<>();
    private volatile boolean running = true;
    private long wakeUps;

    private HiccupMeter() {
        thread = Thread.ofPlatform().daemon().name("hiccup-meter").start(this::measure);
    }

    public static HiccupMeter start() {
        return new HiccupMeter();
    }

    private void measure() {
        while (running) {
            long before = System.nanoTime();
            LockSupport.parkNanos(SLEEP_NANOS);
            long late = System.nanoTime() - before - SLEEP_NANOS;
            synchronized (hiccups) {
                wakeUps++;
                if (late > KEEP_NANOS) {
                    hiccups.add(new Hiccup(System.currentTimeMillis(), late / 1e6));
                }
            }
        }
    }

    /** The late wake-ups so far (over 3 ms). */
    public List<Hiccup> hiccups() {
        synchronized (hiccups) {
            return List.copyOf(hiccups);
        }
    }

    /** One line for a report: how many pauses over 5 and 20 ms, the longest, and how late they were in all. */
    public String summary() {
        List<Hiccup> all = hiccups();
        long over5 = all.stream().filter(h -> h.millis() > 5).count();
        long over20 = all.stream().filter(h -> h.millis() > 20).count();
        double longest = all.stream().mapToDouble(Hiccup::millis).max().orElse(0);
        double total = all.stream().mapToDouble(Hiccup::millis).sum();
        long count;
        synchronized (hiccups) {
            count = wakeUps;
        }
        return "%d of %d 2 ms sleeps woke over 5 ms late, %d over 20 ms, the longest %.1f ms; %.0f ms late in all"
                .formatted(over5, count, over20, longest, total);
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
    }
}
