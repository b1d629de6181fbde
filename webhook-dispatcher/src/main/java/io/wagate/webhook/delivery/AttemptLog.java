package io.wagate.webhook.delivery;

import io.wagate.webhook.delivery.internal.AttemptRows;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Logs attempts in batches: while one insert runs, the attempts finished meanwhile gather and go in the next one,
 * so under load a delivery costs a fraction of a statement, and alone it waits for nothing. Each caller's Mono
 * completes when its own row is committed (its job may be acknowledged only then).
 */
@Component
class AttemptLog {

    private static final int MAX_BATCH = 500;

    private record Pending(AttemptRows.NewAttempt attempt, MonoSink<Void> done) {
    }

    private final AttemptRows rows;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();

    AttemptLog(AttemptRows rows) {
        this.rows = rows;
    }

    Mono<Void> log(AttemptRows.NewAttempt attempt) {
        return Mono.create(done -> {
            queue.add(new Pending(attempt, done));
            writeNext();
        });
    }

    private void writeNext() {
        if (!writing.compareAndSet(false, true)) {
            return;
        }
        List<Pending> batch = new ArrayList<>();
        for (Pending next = queue.poll(); next != null; next = batch.size() < MAX_BATCH ? queue.poll() : null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            writing.set(false);
            // Something may have been queued after the poll and before the flag was cleared.
            if (!queue.isEmpty()) {
                writeNext();
            }
            return;
        }
        rows.insertAll(batch.stream().map(Pending::attempt).toList()).subscribe(null,
                error -> {
                    batch.forEach(pending -> pending.done().error(error));
                    writingDone();
                },
                () -> {
                    batch.forEach(pending -> pending.done().success());
                    writingDone();
                });
    }

    private void writingDone() {
        writing.set(false);
        writeNext();
    }
}
