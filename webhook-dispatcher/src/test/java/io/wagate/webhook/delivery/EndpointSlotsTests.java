package io.wagate.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.webhook.TestWebhookProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How many jobs may wait for an endpoint's slots, and what happens to them when the endpoint stops answering. */
class EndpointSlotsTests {

    private static final int CAP = 2;
    private static final long MILLI = 1_000_000;

    private EndpointSlots slots;

    @AfterEach
    void close() {
        slots.destroy();
    }

    @Test
    void aBurstToAFastEndpointWaitsInMemory() {
        slots = slots(100, Duration.ofSeconds(2));
        UUID fast = UUID.randomUUID();
        measure(fast, 5 * MILLI);

        Recorder burst = acquire(fast, CAP + 90);

        assertThat(burst.granted).hasValue(CAP);
        assertThat(burst.refused).hasValue(0);
        assertThat(slots.waiting()).isEqualTo(90);
    }

    @Test
    void anEndpointSlowerThanHalfTheWaitBoundGetsOneRoundOfQueue() {
        slots = slots(100, Duration.ofSeconds(2));
        UUID slow = UUID.randomUUID();
        measure(slow, 1500 * MILLI);

        Recorder burst = acquire(slow, CAP + 10);

        assertThat(burst.granted).hasValue(CAP);
        assertThat(slots.waiting()).isEqualTo(CAP);
        assertThat(burst.refused).hasValue(10 - CAP);
    }

    @Test
    void anEndpointMuchSlowerThanTheOthersGetsWhatItWorksOffWithinTheWaitBound() {
        slots = slots(100, Duration.ofSeconds(2));
        UUID slow = UUID.randomUUID();
        measure(UUID.randomUUID(), MILLI);
        measure(UUID.randomUUID(), MILLI);
        measure(slow, 200 * MILLI);
        slots.sweep();

        Recorder burst = acquire(slow, CAP + 50);

        // 2 slots x 2 s / 200 ms = 20 may wait.
        assertThat(burst.granted).hasValue(CAP);
        assertThat(slots.waiting()).isEqualTo(20);
        assertThat(burst.refused).hasValue(30);
    }

    @Test
    void whenEveryEndpointIsSlowTheQueuesStayLong() {
        slots = slots(100, Duration.ofSeconds(2));
        List<UUID> endpoints = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        endpoints.forEach(endpoint -> measure(endpoint, 600 * MILLI));
        slots.sweep();

        Recorder burst = acquire(endpoints.getFirst(), CAP + 80);

        assertThat(burst.refused).hasValue(0);
        assertThat(slots.waiting()).isEqualTo(80);
    }

    @Test
    void aSlowerEstimateSendsWaitingJobsBeyondTheNewLimitAway() {
        slots = slots(100, Duration.ofSeconds(2));
        UUID endpoint = UUID.randomUUID();
        measure(endpoint, 5 * MILLI);
        Recorder burst = acquire(endpoint, CAP + 60);
        assertThat(burst.refused).hasValue(0);

        // Answers now take 1.5 s. The smoothed hold time passes half the wait bound with the fifth (1.01 s): from
        // then on what 2 slots work off in 2 s may wait (3), the rest goes elsewhere.
        for (int i = 0; i < 4; i++) {
            slots.release(endpoint, 1500 * MILLI);
        }
        assertThat(burst.refused).hasValue(0);
        slots.release(endpoint, 1500 * MILLI);

        assertThat(burst.granted).hasValue(CAP + 5);
        assertThat(burst.refused).hasValue(60 - 4 - 3);
        assertThat(slots.waiting()).isEqualTo(3 - 1);
    }

    @Test
    void anEndpointThatStopsAnsweringGivesItsWaitingJobsUp() throws InterruptedException {
        slots = slots(100, Duration.ofMillis(200));
        UUID endpoint = UUID.randomUUID();
        measure(endpoint, MILLI);
        Recorder burst = acquire(endpoint, CAP + 30);
        assertThat(slots.waiting()).isEqualTo(30);

        Thread.sleep(300);
        slots.sweep();

        assertThat(burst.refused).hasValue(30);
        assertThat(slots.waiting()).isZero();
    }

    @Test
    void jobsThatFinishAtOnceHandTheirSlotsOnWithoutRecursing() {
        slots = slots(50_000, Duration.ofSeconds(2));
        UUID endpoint = UUID.randomUUID();
        measure(endpoint, MILLI);
        AtomicInteger finished = new AtomicInteger();
        List<EndpointSlots.Waiter> waiters = new ArrayList<>();
        for (int i = 0; i < 20_000 + CAP; i++) {
            waiters.add(new EndpointSlots.Waiter() {
                @Override
                public void granted() {
                    // Like a job whose endpoint was deleted meanwhile: done before its callback returns.
                    finished.incrementAndGet();
                    slots.release(endpoint, MILLI);
                }

                @Override
                public void refused() {
                    throw new AssertionError("refused");
                }
            });
        }
        // The first CAP finish at once; hold the lane busy with two slots taken by others first.
        Recorder holders = acquire(endpoint, CAP);
        waiters.forEach(waiter -> slots.acquire(endpoint, waiter));
        assertThat(holders.granted).hasValue(CAP);

        slots.release(endpoint, MILLI);

        assertThat(finished).hasValue(waiters.size());
        assertThat(slots.waiting()).isZero();
    }

    /** Gives the endpoint a hold time estimate: takes every slot and gives each back after the given time. */
    private void measure(UUID endpoint, long holdNanos) {
        acquire(endpoint, CAP);
        for (int i = 0; i < CAP; i++) {
            slots.release(endpoint, holdNanos);
        }
    }

    private Recorder acquire(UUID endpoint, int jobs) {
        Recorder recorder = new Recorder();
        for (int i = 0; i < jobs; i++) {
            slots.acquire(endpoint, recorder);
        }
        return recorder;
    }

    private static EndpointSlots slots(int maxQueued, Duration maxWait) {
        return new EndpointSlots(TestWebhookProperties.of(Map.of("max-concurrency-per-endpoint", CAP,
                "max-queued-per-endpoint", maxQueued, "max-queue-wait", maxWait, "max-in-flight", 100_000)));
    }

    private static final class Recorder implements EndpointSlots.Waiter {
        final AtomicInteger granted = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();

        @Override
        public void granted() {
            granted.incrementAndGet();
        }

        @Override
        public void refused() {
            refused.incrementAndGet();
        }
    }
}
