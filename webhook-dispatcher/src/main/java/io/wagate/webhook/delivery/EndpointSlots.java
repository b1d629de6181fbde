package io.wagate.webhook.delivery;

import io.wagate.webhook.WebhookProperties;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The per-endpoint concurrency cap (per replica) and the in-memory queue in front of it.
 *
 * <p>An endpoint has at most {@code max-concurrency-per-endpoint} requests in flight; a slot is held from the
 * request until its answer. A job that finds every slot taken waits here, up to {@code max-queued-per-endpoint}
 * jobs, in its partition's order. An endpoint whose requests take much longer than the other endpoints' (or longer
 * than half of {@code max-queue-wait}) is slow, and its queue is cut to what its slots are expected to work off
 * within {@code max-queue-wait}, at least one round. A refused job is deferred through Kafka. So a burst to fast
 * receivers waits in memory, while a slow or hanging receiver's jobs leave through the deferral topic instead of
 * holding the consumer's in-flight budget and its commits.
 *
 * <p>A receiver that was fast and stops answering is caught by a sweep: a lane whose slots are all taken and that
 * released none for {@code max-queue-wait} gives its waiting jobs up to be deferred.
 */
@Component
class EndpointSlots implements DisposableBean {

    /** Lanes idle for this long are dropped (with their latency estimate). */
    private static final long IDLE_EVICTION_NANOS = Duration.ofMinutes(1).toNanos();

    /** What a job waits for: a slot, or being told to go elsewhere. Called outside any lock. */
    interface Waiter {

        /** The job holds a slot now and must {@link #release} it. */
        void granted();

        /** The job gets no slot (its endpoint is busy) and must be deferred. */
        void refused();
    }

    /** One endpoint's slots in use, the jobs waiting for one and how long a slot was held lately. */
    private static final class Lane {
        int inUse;
        final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
        /** Smoothed slot hold time; 0 until the first release. */
        long holdNanos;
        long lastProgressNanos = System.nanoTime();
        boolean retired;

        boolean idle() {
            return inUse == 0 && waiting.isEmpty();
        }
    }

    private static final Logger log = LoggerFactory.getLogger(EndpointSlots.class);
    private static final ThreadLocal<ArrayDeque<Runnable>> HANDING = new ThreadLocal<>();

    /** A lane whose slots are held this many times longer than the typical lane's is slow. */
    private static final int SLOW_FACTOR = 4;

    private final ConcurrentHashMap<UUID, Lane> lanes = new ConcurrentHashMap<>();
    private final int cap;
    private final int maxQueued;
    private final long maxWaitNanos;
    private volatile long typicalHoldNanos;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("webhook-slots-sweeper").daemon(true).factory());

    EndpointSlots(WebhookProperties properties) {
        this.cap = properties.maxConcurrencyPerEndpoint();
        this.maxQueued = properties.maxQueuedPerEndpoint();
        this.maxWaitNanos = properties.maxQueueWait().toNanos();
        long every = Math.max(10, properties.maxQueueWait().toMillis() / 4);
        sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Takes a slot for the endpoint ({@link Waiter#granted} at once), queues the waiter (granted later, or refused by
     * the sweep), or refuses it at once.
     */
    void acquire(UUID endpointId, Waiter waiter) {
        boolean granted;
        while (true) {
            Lane lane = lanes.computeIfAbsent(endpointId, id -> new Lane());
            synchronized (lane) {
                if (lane.retired) {
                    continue;
                }
                if (lane.inUse < cap) {
                    if (lane.inUse == 0) {
                        // A lane busy again after a quiet spell has not stalled: its clock starts now.
                        lane.lastProgressNanos = System.nanoTime();
                    }
                    lane.inUse++;
                    granted = true;
                } else if (lane.waiting.size() < queueLimit(lane)) {
                    lane.waiting.add(waiter);
                    return;
                } else {
                    granted = false;
                }
            }
            break;
        }
        hand(granted ? waiter::granted : waiter::refused);
    }

    /**
     * Gives the slot to the next waiting job, or frees it; {@code heldNanos} is how long the slot was held (0 when
     * it was given back unused), which sets how many jobs may wait from now on.
     */
    void release(UUID endpointId, long heldNanos) {
        Lane lane = lanes.get(endpointId);
        if (lane == null) {
            return;
        }
        Waiter next;
        List<Waiter> refused = List.of();
        synchronized (lane) {
            if (heldNanos > 0) {
                lane.holdNanos = lane.holdNanos == 0 ? heldNanos : (lane.holdNanos * 4 + heldNanos) / 5;
            }
            lane.lastProgressNanos = System.nanoTime();
            int limit = queueLimit(lane);
            if (lane.waiting.size() > limit) {
                refused = new ArrayList<>();
                while (lane.waiting.size() > limit) {
                    refused.add(lane.waiting.pollLast());
                }
            }
            next = lane.waiting.poll();
            if (next == null) {
                lane.inUse--;
            }
        }
        refused.forEach(waiter -> hand(waiter::refused));
        if (next != null) {
            hand(next::granted);
        }
    }

    /**
     * Runs a waiter's callback, or queues it when this thread is already inside one: a job that finishes at once
     * (its endpoint was deleted, say) releases its slot and starts the next from within its own callback, which
     * would otherwise recurse once per waiting job.
     */
    private static void hand(Runnable callback) {
        ArrayDeque<Runnable> pending = HANDING.get();
        if (pending != null) {
            pending.add(callback);
            return;
        }
        pending = new ArrayDeque<>();
        HANDING.set(pending);
        try {
            for (Runnable next = callback; next != null; next = pending.poll()) {
                try {
                    next.run();
                } catch (RuntimeException e) {
                    log.error("A webhook job failed to start or to be deferred", e);
                }
            }
        } finally {
            HANDING.remove();
        }
    }

    /** Jobs waiting in memory right now, over all endpoints. */
    int waiting() {
        int total = 0;
        for (Lane lane : lanes.values()) {
            synchronized (lane) {
                total += lane.waiting.size();
            }
        }
        return total;
    }

    /**
     * How many jobs may wait. A lane that is slow, compared with the other endpoints or outright, may queue what its
     * slots are expected to work off within the wait bound (at least one round); any other lane the maximum. When
     * every endpoint is slow because this replica is overloaded, deferring would only add work without isolating
     * anyone: the consumers' in-flight limit holds the load back instead.
     */
    private int queueLimit(Lane lane) {
        long hold = lane.holdNanos;
        if (hold == 0) {
            // Nothing measured yet: a modest queue. A new receiver that hangs holds it until the sweep (one wait
            // bound); one that answers gets its real limit with its first answers.
            return Math.min(maxQueued, Math.max(cap, maxQueued / 8));
        }
        long typical = typicalHoldNanos;
        boolean slow = hold > maxWaitNanos / 2 || (typical > 0 && hold > SLOW_FACTOR * typical);
        if (!slow) {
            return maxQueued;
        }
        long drained = cap * maxWaitNanos / hold;
        return (int) Math.min(maxQueued, Math.max(cap, drained));
    }

    /**
     * Refuses the waiting jobs of stalled lanes, drops lanes idle for long, and updates the typical hold time (the
     * lower median over the lanes, so that one busy slow endpoint does not make itself typical).
     */
    void sweep() {
        long now = System.nanoTime();
        List<Long> holds = new ArrayList<>();
        lanes.forEach((id, lane) -> {
            List<Waiter> refused = List.of();
            synchronized (lane) {
                long quiet = now - lane.lastProgressNanos;
                if (!lane.waiting.isEmpty() && quiet > maxWaitNanos) {
                    refused = new ArrayList<>(lane.waiting);
                    lane.waiting.clear();
                } else if (lane.idle() && quiet > IDLE_EVICTION_NANOS) {
                    lane.retired = true;
                    lanes.remove(id, lane);
                }
                if (!lane.retired && lane.holdNanos > 0) {
                    holds.add(lane.holdNanos);
                }
            }
            refused.forEach(waiter -> hand(waiter::refused));
        });
        holds.sort(null);
        typicalHoldNanos = holds.isEmpty() ? 0 : holds.get((holds.size() - 1) / 2);
    }

    @Override
    public void destroy() {
        sweeper.shutdownNow();
    }
}
