package io.wagate.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Thread dumps of the measured services, taken when the benchmark's requests stop being answered: the one record
 * that shows where a stalled request waits (a run once stopped answering with nothing in any log). At most one set
 * a minute; each dump is {@code <service>-<time>.txt} in {@code directory}.
 */
final class StallDumps implements Runnable {

    private static final Duration AT_MOST_EVERY = Duration.ofMinutes(1);

    private final Map<String, ProcessHandle> services;
    private final Path directory;
    private final List<String> taken = new ArrayList<>();
    private Instant last = Instant.MIN;

    StallDumps(Map<String, ProcessHandle> services, Path directory) {
        this.services = services;
        this.directory = directory;
    }

    @Override
    public synchronized void run() {
        Instant now = Instant.now();
        if (now.isBefore(last.plus(AT_MOST_EVERY))) {
            return;
        }
        last = now;
        String stamp = now.truncatedTo(ChronoUnit.MILLIS).toString().replace(':', '-');
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Files.createDirectories(directory);
            for (Map.Entry<String, ProcessHandle> service : services.entrySet()) {
                Path dump = directory.resolve(service.getKey() + "-" + stamp + ".txt");
                Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(service.getValue().pid()),
                        "Thread.print", "-l").redirectErrorStream(true).redirectOutput(dump.toFile()).start();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
            taken.add(now.truncatedTo(ChronoUnit.SECONDS).toString());
        } catch (IOException e) {
            taken.add(now.truncatedTo(ChronoUnit.SECONDS) + " (failed: " + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A sentence for the results: when dumps were taken and where, or that requests never went unanswered. */
    synchronized String summary() {
        return taken.isEmpty()
                ? "No request went unanswered for 10 s (thread dumps would have been taken)."
                : "Requests went unanswered for 10 s; thread dumps of the services taken at " + String.join(", ", taken)
                        + " in `" + directory + "`.";
    }
}
