package io.wagate.support.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcTimeoutException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

class BoundedAcquireTests {

    private static final Duration BOUND = Duration.ofMillis(150);

    private final MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoop loop = group.next();

    @AfterEach
    void stop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    @Test
    void aConnectionWithinTheBoundIsHandedOverAndTheDeadlineNeverFires() throws Exception {
        Pool pool = new Pool();
        CompletableFuture<Connection> got = new CompletableFuture<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        new BoundedAcquire(Mono.fromDirect(pool), loop, BOUND).subscribe(got::complete, failure::set);

        FakeConnection connection = new FakeConnection();
        pool.deliver(connection.proxy);

        assertThat(got.get(1, TimeUnit.SECONDS)).isSameAs(connection.proxy);
        Thread.sleep(BOUND.toMillis() * 2);
        assertThat(failure.get()).isNull();
        assertThat(pool.cancelled).isFalse();
        assertThat(connection.closed).isFalse();
    }

    @Test
    void noConnectionWithinTheBoundFailsWithATimeoutAndGivesBackOneThatComesLater() throws Exception {
        Pool pool = new Pool();
        CompletableFuture<Connection> got = new CompletableFuture<>();
        long started = System.nanoTime();
        new BoundedAcquire(Mono.fromDirect(pool), loop, BOUND).subscribe(got::complete, got::completeExceptionally);

        assertThat(got).failsWithin(Duration.ofSeconds(2)).withThrowableThat()
                .havingCause().isInstanceOf(R2dbcTimeoutException.class)
                .withMessage("Connection acquisition timed out after 150ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(BOUND);
        assertThat(pool.cancelled).as("the wait left the pool's queue").isTrue();

        // A pool that hands one over anyway, racing the cancel: it goes back.
        FakeConnection late = new FakeConnection();
        pool.deliver(late.proxy);
        assertThat(late.closed).isTrue();
    }

    @Test
    void aCancelledWaitLeavesThePoolAndNeverTimesOut() throws Exception {
        Pool pool = new Pool();
        AtomicReference<Object> signal = new AtomicReference<>();
        Disposable waiting = new BoundedAcquire(Mono.fromDirect(pool), loop, BOUND)
                .subscribe(signal::set, signal::set, () -> signal.compareAndSet(null, "complete"));

        waiting.dispose();
        Thread.sleep(BOUND.toMillis() * 2);

        assertThat(pool.cancelled).isTrue();
        assertThat(signal.get()).isNull();
    }

    /** A pool that holds its one waiter until told to deliver, and tells whether the waiter left. */
    private static final class Pool implements Publisher<Connection> {
        private volatile Subscriber<? super Connection> waiter;
        private volatile boolean cancelled;

        @Override
        public void subscribe(Subscriber<? super Connection> subscriber) {
            waiter = subscriber;
            subscriber.onSubscribe(new Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                    cancelled = true;
                }
            });
        }

        void deliver(Connection connection) {
            waiter.onNext(connection);
            waiter.onComplete();
        }
    }

    private static final class FakeConnection {
        private final AtomicBoolean closedFlag = new AtomicBoolean();
        private volatile boolean closed;
        private final Connection proxy = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (self, method, args) -> switch (method.getName()) {
                    case "close" -> Mono.fromRunnable(() -> closed = closedFlag.compareAndSet(false, true));
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    case "toString" -> "FakeConnection";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
