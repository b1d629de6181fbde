package io.wagate.session.ownership;

import io.wagate.session.state.SessionRow;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the connects of one assignment on its own virtual thread: each session at a random moment within the
 * spread, and only while one of the worker's connect slots is free, so that neither the server nor this worker sees
 * a burst of handshakes after a rebalance.
 */
final class Adoption implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Adoption.class);

    private record Planned(SessionRow row, long atMillis) {
    }

    private final List<SessionRow> rows;
    private final long spreadMillis;
    private final Semaphore slots;
    private final Duration attemptTimeout;
    private final Function<SessionRow, Optional<CompletableFuture<Void>>> connectIfOwned;
    private final Runnable finished;

    Adoption(List<SessionRow> rows, Duration spread, Semaphore slots, Duration attemptTimeout,
            Function<SessionRow, Optional<CompletableFuture<Void>>> connectIfOwned, Runnable finished) {
        this.rows = rows;
        this.spreadMillis = Math.max(1, spread.toMillis());
        this.slots = slots;
        this.attemptTimeout = attemptTimeout;
        this.connectIfOwned = connectIfOwned;
        this.finished = finished;
    }

    @Override
    public void run() {
        long start = System.nanoTime();
        try {
            List<Planned> plan = rows.stream()
                    .map(row -> new Planned(row, ThreadLocalRandom.current().nextLong(spreadMillis)))
                    .sorted(Comparator.comparingLong(Planned::atMillis))
                    .toList();
            for (Planned planned : plan) {
                long wait = planned.atMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                slots.acquire();
                startConnect(planned.row());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            finished.run();
        }
    }

    private void startConnect(SessionRow row) {
        Optional<CompletableFuture<Void>> attempt;
        try {
            attempt = connectIfOwned.apply(row);
        } catch (RuntimeException e) {
            log.warn("Adopting session {} failed", row.instanceId(), e);
            attempt = Optional.empty();
        }
        if (attempt.isEmpty()) {
            slots.release();
            return;
        }
        attempt.get().orTimeout(attemptTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ignored, error) -> slots.release());
    }
}
