package io.wagate.gateway.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class ResponseDeadlinesTests {

    private final ResponseDeadlines deadlines = new ResponseDeadlines(Duration.ofMillis(10));

    @AfterEach
    void stop() {
        deadlines.close();
    }

    @Test
    void aDeadlineFiresNoEarlierThanAskedAndOnlyOnce() {
        long start = System.nanoTime();
        Long fired = deadlines.after(Duration.ofMillis(100)).block(Duration.ofSeconds(5));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(fired).isZero();
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(100);
        assertThat(deadlines.pending()).isZero();
    }

    @Test
    void anAnswerBeforeTheDeadlineTakesTheDeadlineOffTheWheel() throws InterruptedException {
        Sinks.One<String> answer = Sinks.one();
        Mono<String> waiting = answer.asMono()
                .timeout(deadlines.after(Duration.ofSeconds(30)), Mono.error(TimeoutException::new));
        var result = waiting.toFuture();
        assertThat(deadlines.pending()).isEqualTo(1);
        answer.tryEmitValue("answered");
        assertThat(result).isCompletedWithValue("answered");
        assertTheWheelEmpties();
    }

    @Test
    void noAnswerInTimeEndsTheWaitWithTheFallback() {
        Sinks.One<String> answer = Sinks.one();
        Mono<String> waiting = answer.asMono()
                .timeout(deadlines.after(Duration.ofMillis(50)), Mono.error(TimeoutException::new));
        var result = waiting.toFuture();
        assertThat(result).failsWithin(Duration.ofSeconds(5)).withThrowableThat()
                .havingCause().isInstanceOf(TimeoutException.class);
        assertThat(answer.currentSubscriberCount()).isZero();
    }

    @Test
    void aDeadlineThatFiredBeforeItWasAskedForSignalsWhenAsked() {
        StepVerifier.create(deadlines.after(Duration.ofMillis(20)), 0)
                .expectSubscription()
                .thenAwait(Duration.ofMillis(200))
                .expectNoEvent(Duration.ofMillis(1))
                .thenRequest(1)
                .expectNext(0L)
                .verifyComplete();
    }

    @Test
    void aCancelledDeadlineNeverSignalsAndLeavesTheWheel() throws InterruptedException {
        StepVerifier.create(deadlines.after(Duration.ofMillis(50)))
                .expectSubscription()
                .thenCancel()
                .verify(Duration.ofSeconds(5));
        assertTheWheelEmpties();
    }

    @Test
    void eachSubscriptionHasADeadlineOfItsOwn() {
        Mono<Long> deadline = deadlines.after(Duration.ofMillis(30));
        assertThat(deadline.block(Duration.ofSeconds(5))).isZero();
        assertThat(deadline.block(Duration.ofSeconds(5))).isZero();
    }

    /** The wheel drops cancelled deadlines on its next tick. */
    private void assertTheWheelEmpties() throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (deadlines.pending() > 0 && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(deadlines.pending()).isZero();
    }
}
