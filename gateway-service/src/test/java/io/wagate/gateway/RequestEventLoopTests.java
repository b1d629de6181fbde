package io.wagate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class RequestEventLoopTests {

    private final DefaultEventLoopGroup loops = new DefaultEventLoopGroup(1);

    @AfterEach
    void stop() {
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /**
     * Waits for {@code answer} on the loop through {@link RequestEventLoop#resumeHere}, has another thread answer, and
     * checks that the outcome arrived on the loop's thread, which it returns.
     */
    private Thread resumedOn(CompletableFuture<String> answer, Runnable answerElsewhere) throws Exception {
        EventLoop loop = loops.next();
        CompletableFuture<Thread> resumed = new CompletableFuture<>();
        CompletableFuture<Void> waiting = new CompletableFuture<>();
        loop.execute(() -> {
            RequestEventLoop.resumeHere(Mono.fromFuture(answer))
                    .subscribe(value -> resumed.complete(Thread.currentThread()),
                            error -> resumed.complete(Thread.currentThread()));
            waiting.complete(null);
        });
        // Answered only once the request waits: the answer then comes on the other thread.
        waiting.get(5, TimeUnit.SECONDS);
        Thread elsewhere = new Thread(answerElsewhere, "redis-client-stand-in");
        elsewhere.start();
        elsewhere.join(5_000);
        Thread loopThread = CompletableFuture.supplyAsync(Thread::currentThread, loop).get(5, TimeUnit.SECONDS);
        assertThat(resumed.get(5, TimeUnit.SECONDS)).as("the thread the outcome arrived on").isSameAs(loopThread);
        return loopThread;
    }

    @Test
    void anAnswerFromAnotherThreadArrivesOnTheLoopItWasAwaitedOn() throws Exception {
        CompletableFuture<String> answer = new CompletableFuture<>();

        Thread loopThread = resumedOn(answer, () -> answer.complete("grant"));

        assertThat(loopThread.getName()).isNotEqualTo("redis-client-stand-in");
    }

    @Test
    void aFailureFromAnotherThreadArrivesOnTheLoopToo() throws Exception {
        CompletableFuture<String> answer = new CompletableFuture<>();

        resumedOn(answer, () -> answer.completeExceptionally(new IllegalStateException("Redis down")));
    }

    @Test
    void offAnEventLoopNothingChanges() {
        Mono<String> waiting = Mono.just("grant");

        assertThat(RequestEventLoop.resumeHere(waiting)).isSameAs(waiting);
        assertThat(RequestEventLoop.resumeHere(waiting.delayElement(Duration.ofMillis(1))).block(Duration.ofSeconds(5)))
                .isEqualTo("grant");
    }

    /** Runs {@code action} on the loop and waits for it. */
    private <T> T onTheLoop(Callable<T> action) throws Exception {
        return loops.next().submit(action).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aWaitTimedOnTheLoopFailsWithATimeoutNoEarlierThanAsked() throws Exception {
        long start = System.nanoTime();
        CompletableFuture<String> waiting = onTheLoop(() -> RequestEventLoop.timeoutHere(Mono.<String>never(),
                Duration.ofMillis(100)).toFuture());

        assertThat(waiting).failsWithin(Duration.ofSeconds(5)).withThrowableThat()
                .havingCause().isInstanceOf(TimeoutException.class);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(100).toNanos());
    }

    @Test
    void anAnswerBeforeTheDeadlineIsPassedOnAndTheDeadlineDoesNotFireLater() throws Exception {
        Sinks.One<String> answer = Sinks.one();
        CompletableFuture<String> waiting = onTheLoop(() -> RequestEventLoop.timeoutHere(answer.asMono(),
                Duration.ofMillis(100)).toFuture());

        answer.tryEmitValue("grant");
        Thread.sleep(200);

        assertThat(waiting).isCompletedWithValue("grant");
    }

    @Test
    void aFutureTimedOnTheLoopFailsUnlessDoneInTime() throws Exception {
        CompletableFuture<String> late = new CompletableFuture<>();
        CompletableFuture<String> onTime = new CompletableFuture<>();
        onTheLoop(() -> {
            RequestEventLoop.failAfter(late, Duration.ofMillis(50));
            RequestEventLoop.failAfter(onTime, Duration.ofMillis(50));
            return null;
        });
        onTime.complete("grant");

        assertThat(late).failsWithin(Duration.ofSeconds(5)).withThrowableThat()
                .havingCause().isInstanceOf(TimeoutException.class);
        Thread.sleep(100);
        assertThat(onTime).isCompletedWithValue("grant");
    }

    @Test
    void offAnEventLoopWaitsAreTimedAsReactorAndTheJdkDo() {
        assertThat(RequestEventLoop.timeoutHere(Mono.never(), Duration.ofMillis(20)).toFuture())
                .failsWithin(Duration.ofSeconds(5)).withThrowableThat().havingCause()
                .isInstanceOf(TimeoutException.class);
        CompletableFuture<String> late = new CompletableFuture<>();
        RequestEventLoop.failAfter(late, Duration.ofMillis(20));
        assertThat(late).failsWithin(Duration.ofSeconds(5)).withThrowableThat().havingCause()
                .isInstanceOf(TimeoutException.class);
    }
}
