package io.wagate.webhook.delivery;

import io.wagate.webhook.WebhookProperties;
import java.util.ArrayDeque;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * The per-endpoint concurrency cap (per replica): an endpoint has at most {@code max-concurrency-per-endpoint}
 * requests in flight, and at most {@code max-queued-per-endpoint} further jobs wait here for a slot (a burst to a
 * healthy endpoint is smoothed without a round trip through Kafka). Beyond that the job is refused and deferred, so
 * a hanging endpoint ties up a few jobs, never a consumer. Endpoints with nothing in flight take no memory.
 */
@Component
class EndpointSlots {

    private static final int TAKEN = 1;
    private static final int QUEUED = 2;
    private static final int FULL = 3;

    /** One endpoint's slots in use and the jobs waiting for one; only touched inside the map's compute. */
    private static final class Lane {
        int inUse;
        final ArrayDeque<MonoSink<Boolean>> waiting = new ArrayDeque<>();

        boolean idle() {
            return inUse == 0 && waiting.isEmpty();
        }
    }

    private final ConcurrentHashMap<UUID, Lane> lanes = new ConcurrentHashMap<>();
    private final int cap;
    private final int maxQueued;

    EndpointSlots(WebhookProperties properties) {
        this.cap = properties.maxConcurrencyPerEndpoint();
        this.maxQueued = properties.maxQueuedPerEndpoint();
    }

    /**
     * Completes with true once a slot is taken (at once, or when one is released), or with false at once when the
     * endpoint is at its cap and its queue is full. A true must be followed by {@link #release}.
     */
    Mono<Boolean> acquire(UUID endpointId) {
        return Mono.create(sink -> {
            AtomicInteger outcome = new AtomicInteger();
            lanes.compute(endpointId, (id, existing) -> {
                Lane lane = existing == null ? new Lane() : existing;
                if (lane.inUse < cap) {
                    lane.inUse++;
                    outcome.set(TAKEN);
                } else if (lane.waiting.size() < maxQueued) {
                    lane.waiting.add(sink);
                    outcome.set(QUEUED);
                } else {
                    outcome.set(FULL);
                }
                return lane.idle() ? null : lane;
            });
            switch (outcome.get()) {
                case TAKEN -> sink.success(true);
                case FULL -> sink.success(false);
                default -> sink.onCancel(() -> lanes.computeIfPresent(endpointId, (id, lane) -> {
                    lane.waiting.remove(sink);
                    return lane.idle() ? null : lane;
                }));
            }
        });
    }

    /** Gives the slot to the next waiting job, or frees it. */
    void release(UUID endpointId) {
        @SuppressWarnings("unchecked")
        MonoSink<Boolean>[] next = new MonoSink[1];
        lanes.computeIfPresent(endpointId, (id, lane) -> {
            next[0] = lane.waiting.poll();
            if (next[0] == null) {
                lane.inUse--;
            }
            return lane.idle() ? null : lane;
        });
        @Nullable MonoSink<Boolean> handedOver = next[0];
        if (handedOver != null) {
            handedOver.success(true);
        }
    }
}
