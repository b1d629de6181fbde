package io.wagate.gateway.routing.internal;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;

/**
 * The deadlines of the waits for the services' answers, kept on one timer wheel that ticks every {@code tick}.
 *
 * <p>Reactor's {@code timeout(Duration)} puts a task on its parallel scheduler for every request and takes it off
 * again when the answer comes; in the platform benchmark that woke a parallel thread 1.2 times per request through
 * the gateway, a thread switch on the path of every request on a machine with two cores. Arming and cancelling a
 * deadline on the wheel only adds to a queue; the wheel's one thread wakes once a tick whatever the request rate.
 * A deadline fires up to one tick late, which a response timeout of seconds does not notice.
 */
public final class ResponseDeadlines implements AutoCloseable {

    private final HashedWheelTimer wheel;

    public ResponseDeadlines(Duration tick) {
        this.wheel = new HashedWheelTimer(new DefaultThreadFactory("gateway-deadlines", true), tick.toNanos(),
                TimeUnit.NANOSECONDS, 512);
    }

    /**
     * A signal {@code after} from subscription; cancelling the subscription takes the deadline off the wheel.
     * Meant for {@code Mono.timeout(Publisher)} and its kin.
     */
    public Mono<Long> after(Duration after) {
        return Mono.create(sink -> {
            Timeout deadline = wheel.newTimeout(expired -> sink.success(0L), after.toNanos(), TimeUnit.NANOSECONDS);
            sink.onCancel(deadline::cancel);
        });
    }

    /** Deadlines armed and neither fired nor cancelled yet. */
    long pending() {
        return wheel.pendingTimeouts();
    }

    @Override
    public void close() {
        wheel.stop();
    }
}
