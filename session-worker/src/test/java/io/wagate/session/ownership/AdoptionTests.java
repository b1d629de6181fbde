package io.wagate.session.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wagate.contracts.session.Engine;
import io.wagate.contracts.session.SessionStatus;
import io.wagate.session.state.DesiredState;
import io.wagate.session.state.SessionRow;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AdoptionTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static List<SessionRow> rows(int count) {
        return IntStream.range(0, count).mapToObj(i -> new SessionRow(UUID.randomUUID(), UUID.randomUUID(),
                "bot-" + i, Engine.SANDBOX, DesiredState.CONNECTED, SessionStatus.CONNECTED, 0)).toList();
    }

    @Test
    void connectsAtMostTheConfiguredNumberOfSessionsAtATime() throws InterruptedException {
        Semaphore slots = new Semaphore(2);
        List<CompletableFuture<Void>> started = new CopyOnWriteArrayList<>();
        AtomicInteger connecting = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(1);
        Adoption adoption = new Adoption(rows(6), Duration.ofMillis(50), slots, Duration.ofMinutes(1), row -> {
            CompletableFuture<Void> attempt = new CompletableFuture<>();
            mostAtOnce.accumulateAndGet(connecting.incrementAndGet(), Math::max);
            started.add(attempt);
            return Optional.of(attempt);
        }, finished::countDown);

        Thread.ofVirtual().start(adoption);
        await().atMost(WAIT).until(() -> started.size() == 2);
        Thread.sleep(300);
        assertThat(started).as("no third connect while two are unsettled").hasSize(2);

        for (int settled = 0; settled < 6; settled++) {
            int index = settled;
            await().atMost(WAIT).until(() -> started.size() > index);
            // Counted down before completing: completion frees the slot at once.
            connecting.decrementAndGet();
            started.get(index).complete(null);
        }
        assertThat(finished.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(started).hasSize(6);
        assertThat(mostAtOnce.get()).isEqualTo(2);
        assertThat(slots.availablePermits()).isEqualTo(2);
    }

    @Test
    void sessionsNoLongerOwnedAreSkippedWithoutKeepingASlot() throws InterruptedException {
        Semaphore slots = new Semaphore(1);
        CountDownLatch finished = new CountDownLatch(1);
        AtomicInteger asked = new AtomicInteger();

        Thread.ofVirtual().start(new Adoption(rows(3), Duration.ofMillis(10), slots, Duration.ofMinutes(1), row -> {
            asked.incrementAndGet();
            return Optional.empty();
        }, finished::countDown));

        assertThat(finished.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(asked.get()).isEqualTo(3);
        assertThat(slots.availablePermits()).isEqualTo(1);
    }

    @Test
    void anAttemptThatNeverSettlesFreesItsSlotAfterTheTimeout() throws InterruptedException {
        Semaphore slots = new Semaphore(1);
        CountDownLatch finished = new CountDownLatch(1);
        List<CompletableFuture<Void>> started = new CopyOnWriteArrayList<>();

        Thread.ofVirtual().start(new Adoption(rows(2), Duration.ofMillis(10), slots, Duration.ofMillis(200), row -> {
            CompletableFuture<Void> never = new CompletableFuture<>();
            started.add(never);
            return Optional.of(never);
        }, finished::countDown));

        assertThat(finished.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(started).hasSize(2);
    }
}
