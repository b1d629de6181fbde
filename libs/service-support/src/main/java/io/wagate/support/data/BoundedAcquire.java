package io.wagate.support.data;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * A connection from the pool, or {@link R2dbcTimeoutException} when none comes within the bound, timed on an event
 * loop's own task queue (armed and cancelled on the loop, the timer wakes nothing).
 *
 * <p>Not Reactor's {@code timeout} operator: that one names itself on every subscription by walking the operator
 * chain above it, about 2 % of instance-service's CPU per request for a bound that almost never fires.
 */
final class BoundedAcquire extends Mono<Connection> {

    private final Mono<Connection> acquire;
    private final EventLoop timer;
    private final Duration bound;

    BoundedAcquire(Mono<Connection> acquire, EventLoop timer, Duration bound) {
        this.acquire = acquire;
        this.timer = timer;
        this.bound = bound;
    }

    @Override
    public void subscribe(CoreSubscriber<? super Connection> actual) {
        acquire.subscribe(new Waiter(actual, timer, bound));
    }

    /** Whichever comes first, the connection, the pool's error, the deadline or a cancel, decides; the rest is dropped. */
    private static final class Waiter extends AtomicBoolean implements CoreSubscriber<Connection>, Subscription {

        private final CoreSubscriber<? super Connection> actual;
        private final EventLoop timer;
        private final Duration bound;
        private @Nullable Subscription upstream;
        private volatile @Nullable ScheduledFuture<?> deadline;

        Waiter(CoreSubscriber<? super Connection> actual, EventLoop timer, Duration bound) {
            this.actual = actual;
            this.timer = timer;
            this.bound = bound;
        }

        @Override
        public void onSubscribe(Subscription subscription) {
            upstream = subscription;
            actual.onSubscribe(this);
            if (!get()) {
                deadline = timer.schedule(this::expire, bound.toNanos(), TimeUnit.NANOSECONDS);
                if (get()) {
                    // Decided while the deadline was being armed.
                    disarm();
                }
            }
        }

        @Override
        public void onNext(Connection connection) {
            if (decide()) {
                actual.onNext(connection);
                actual.onComplete();
            } else {
                // Came after the deadline or a cancel: back to the pool.
                Mono.from(connection.close()).subscribe(null, error -> { });
            }
        }

        @Override
        public void onError(Throwable error) {
            if (decide()) {
                actual.onError(error);
            } else {
                Operators.onErrorDropped(error, actual.currentContext());
            }
        }

        @Override
        public void onComplete() {
            if (decide()) {
                actual.onComplete();
            }
        }

        @Override
        public void request(long n) {
            upstream().request(n);
        }

        @Override
        public void cancel() {
            if (decide()) {
                upstream().cancel();
            }
        }

        @Override
        public Context currentContext() {
            return actual.currentContext();
        }

        private void expire() {
            if (compareAndSet(false, true)) {
                upstream().cancel();
                actual.onError(new R2dbcTimeoutException(
                        "Connection acquisition timed out after %dms".formatted(bound.toMillis())));
            }
        }

        /** True for the first signal only; disarms the deadline. */
        private boolean decide() {
            if (!compareAndSet(false, true)) {
                return false;
            }
            disarm();
            return true;
        }

        private void disarm() {
            ScheduledFuture<?> armed = deadline;
            if (armed != null) {
                armed.cancel(false);
            }
        }

        private Subscription upstream() {
            Subscription subscription = upstream;
            if (subscription == null) {
                throw new IllegalStateException("not subscribed");
            }
            return subscription;
        }
    }
}
