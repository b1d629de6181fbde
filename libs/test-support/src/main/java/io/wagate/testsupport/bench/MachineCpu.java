package io.wagate.testsupport.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's CPU time so far, from {@code /proc/stat}, in clock ticks (all zero where there is no such file).
 * Steal is time the hypervisor gave this machine's CPUs to someone else: a benchmark on a shared host reports it,
 * since every runnable thread waited through it.
 */
record MachineCpu(long busy, long idle, long steal) {

    static MachineCpu now() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long user = Long.parseLong(fields[1]);
            long nice = Long.parseLong(fields[2]);
            long system = Long.parseLong(fields[3]);
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            long irq = Long.parseLong(fields[6]) + Long.parseLong(fields[7]);
            return new MachineCpu(user + nice + system + irq, idle, Long.parseLong(fields[8]));
        } catch (IOException | RuntimeException e) {
            return new MachineCpu(0, 0, 0);
        }
    }

    /** How busy the CPUs were since {@code before}, and how much the host stole, in words for a report. */
    String since(MachineCpu before) {
        double total = Math.max(1, ticksSince(before));
        return "the machine's CPUs were %.0f %% busy and %.1f %% stolen by the host".formatted(
                100 * (busy - before.busy) / total, 100 * (steal - before.steal) / total);
    }

    /** The share of the CPU the host took since {@code before}; NaN when no tick passed (or there is no file). */
    double stolenSince(MachineCpu before) {
        long total = ticksSince(before);
        return total <= 0 ? Double.NaN : (double) (steal - before.steal) / total;
    }

    private long ticksSince(MachineCpu before) {
        return busy - before.busy + idle - before.idle + steal - before.steal;
    }
}
