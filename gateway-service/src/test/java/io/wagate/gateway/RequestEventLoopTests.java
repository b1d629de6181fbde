package io.wagate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

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
}
