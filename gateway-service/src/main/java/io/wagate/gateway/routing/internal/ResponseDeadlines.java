package io.wagate.gateway.routing.internal;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.TimerTask;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

/**
 * The deadlines of the waits for the services' answers, kept on one timer wheel that ticks every {@code tick}.
 *
 * <p>Reactor's {@code timeout(Duration)} puts a task on its parallel scheduler for every request and takes it off
 * again when the answer comes; in the platform benchmark that woke a parallel thread 1.2 times per request through
 * the gateway, a thread switch on the path of every request on a machine with two cores. Arming and cancelling a
 * deadline on the wheel only adds to a queue; the wheel's one thread wakes once a tick whatever the request rate.
 * A deadline fires up to one tick late, which a response timeout of seconds does not notice.
 *
 * <p>A deadline is a publisher of its own rather than {@code Mono.create}: cancelling a {@code Mono.create} sink,
 * which every answer in time does, looks up the subscriber's context for a discard hook, and that lookup walked up
 * through every operator of the gateway's filter chain (1.7 % of the gateway's event-loop samples in the platform
 * benchmark's profile). A deadline has no value to discard and never reads the context.
 */
public final class ResponseDeadlines implements AutoCloseable {

    private final HashedWheelTimer wheel;

    public ResponseDeadlines(Duration tick) {
        this.wheel = new HashedWheelTimer(new DefaultThreadFactory("gateway-deadlines", true), tick.toNanos(),
                TimeUnit.NANOSECONDS, 512);
    }

    /**
     * A signal ({@code 0}) {@code after} from subscription; cancelling the subscription takes the deadline off the
     * wheel. Meant for {@code Mono.timeout(Publisher)} and its kin.
     */
    public Mono<Long> after(Duration after) {
        return new Deadline(wheel, after.toNanos());
    }

    /** Deadlines armed and neither fired nor cancelled yet. */
    long pending() {
        return wheel.pendingTimeouts();
    }

    @Override
    public void close() {
        wheel.stop();
    }

    private static final class Deadline extends Mono<Long> {

        private final HashedWheelTimer wheel;
        private final long nanos;

        Deadline(HashedWheelTimer wheel, long nanos) {
            this.wheel = wheel;
            this.nanos = nanos;
        }

        @Override
        public void subscribe(CoreSubscriber<? super Long> actual) {
            Armed armed = new Armed(actual);
            actual.onSubscribe(armed);
            armed.arm(wheel, nanos);
        }
    }

    /**
     * One subscription's deadline. The signal goes out once it has both fired and been asked for, whichever comes
     * last; a cancellation before that takes the deadline off the wheel and keeps the signal back.
     */
    private static final class Armed extends AtomicInteger implements Subscription, TimerTask {

        private static final int REQUESTED = 1;
        private static final int FIRED = 2;
        private static final int DONE = 4;

        private final CoreSubscriber<? super Long> actual;
        private volatile @Nullable Timeout timeout;

        Armed(CoreSubscriber<? super Long> actual) {
            this.actual = actual;
        }

        void arm(HashedWheelTimer wheel, long nanos) {
            if (get() >= DONE) {
                return;
            }
            Timeout armed = wheel.newTimeout(this, nanos, TimeUnit.NANOSECONDS);
            timeout = armed;
            if (get() >= DONE) {
                // Cancelled while it was being armed: the cancellation may not have seen the timeout yet.
                armed.cancel();
            }
        }

        @Override
        public void request(long n) {
            if (Operators.validate(n)) {
                signalWhen(REQUESTED);
            }
        }

        @Override
        public void run(Timeout expired) {
            signalWhen(FIRED);
        }

        private void signalWhen(int flag) {
            for (;;) {
                int state = get();
                if ((state & (flag | DONE)) != 0) {
                    return;
                }
                int next = state | flag;
                if (next == (REQUESTED | FIRED)) {
                    next |= DONE;
                }
                if (compareAndSet(state, next)) {
                    if ((next & DONE) != 0) {
                        actual.onNext(0L);
                        actual.onComplete();
                    }
                    return;
                }
            }
        }

        @Override
        public void cancel() {
            if ((getAndUpdate(state -> state | DONE) & DONE) != 0) {
                return;
            }
            Timeout armed = timeout;
            if (armed != null) {
                armed.cancel();
            }
        }
    }
}
