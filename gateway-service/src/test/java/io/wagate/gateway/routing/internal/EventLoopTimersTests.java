package io.wagate.gateway.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

class EventLoopTimersTests {

    private final DefaultEventLoopGroup loops = new DefaultEventLoopGroup(2);
    private final EventLoopTimers timers = new EventLoopTimers();

    @AfterEach
    void close() {
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void aTimerSetOnAnEventLoopFiresOnThatLoop() throws Exception {
        EventLoop loop = loops.next();
        CompletableFuture<Thread> loopThread = new CompletableFuture<>();
        CompletableFuture<Thread> firedOn = new CompletableFuture<>();
        loop.execute(() -> {
            loopThread.complete(Thread.currentThread());
            Mono.delay(Duration.ofMillis(20), timers.here())
                    .subscribe(tick -> firedOn.complete(Thread.currentThread()), firedOn::completeExceptionally);
        });

        assertThat(firedOn.get(5, TimeUnit.SECONDS)).isSameAs(loopThread.get());
    }

    @Test
    void aCancelledTimerNeverFires() throws Exception {
        EventLoop loop = loops.next();
        CompletableFuture<Boolean> fired = new CompletableFuture<>();
        loop.submit(() -> Mono.delay(Duration.ofMillis(50), timers.here())
                .subscribe(tick -> fired.complete(true)).dispose()).get();

        Thread.sleep(200);
        assertThat(fired).isNotDone();
    }

    @Test
    void eachLoopHasItsTimersAndOtherThreadsUseReactorsParallelScheduler() throws Exception {
        Scheduler first = loops.next().submit(timers::here).get();
        Scheduler again = loops.next().submit(timers::here).get();
        Scheduler second = loops.next().submit(timers::here).get();

        assertThat(again).isNotSameAs(first);
        assertThat(second).isSameAs(first);
        assertThat(timers.here()).isSameAs(Schedulers.parallel());
    }
}
