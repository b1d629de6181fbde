package io.wagate.session.ownership;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Whether this worker has taken up what the group assigned to it: not before its first assignment, and not while
 * an assignment's sessions are still being loaded and their connects started. Readiness follows it.
 */
@Component
public class AdoptionProgress {

    private final AtomicBoolean assigned = new AtomicBoolean();
    private final AtomicInteger inProgress = new AtomicInteger();

    /** One assignment's adoption; {@link Adopting#done()} ends it (once, however often it is called). */
    public final class Adopting {

        private final AtomicBoolean done = new AtomicBoolean();

        public void done() {
            if (done.compareAndSet(false, true)) {
                inProgress.decrementAndGet();
            }
        }
    }

    public Adopting begin() {
        assigned.set(true);
        inProgress.incrementAndGet();
        return new Adopting();
    }

    public boolean settled() {
        return assigned.get() && inProgress.get() == 0;
    }

    public boolean assignedOnce() {
        return assigned.get();
    }

    public int inProgress() {
        return inProgress.get();
    }
}
