package io.wagate.gateway;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.internal.ThreadExecutorMap;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A request's waits for Redis, kept on the event loop the request arrived on.
 *
 * <p>Resumed there ({@link #resumeHere}): the answer comes on a Redis client thread, and so does everything the
 * waiting request does next (the rest of its filters, signing, writing to the service) unless it is handed back: when
 * a key's remembered grant or a caller's lease has run out, every request arriving during the lookup waits for that
 * same answer, and all of them then ran one after another on that one thread, each calling its service over a
 * connection of another thread's loop. On their own loops they go on side by side, each over its loop's connections
 * ({@code EventLoopAffineConnectionProvider}).
 *
 * <p>Timed there ({@link #timeoutHere}, {@link #failAfter}): the loop keeps the deadline in its own queue of timed
 * tasks. Reactor's {@code timeout(Duration)} puts it on a parallel scheduler thread and the JDK's
 * {@code CompletableFuture.orTimeout} on a common-pool thread, and arming one woke that thread: in a scheduler
 * recording of the platform benchmark, the first request of a caller back after a second woke such threads five
 * times on its way through two Redis round trips, some of them taking the core from the loop for a moment.
 */
public final class RequestEventLoop {

    private static final Map<EventExecutor, Scheduler> SCHEDULERS = new ConcurrentHashMap<>();

    private RequestEventLoop() {
    }

    /**
     * {@code waiting}, its outcome delivered on the event loop of the calling thread; {@code waiting} itself when the
     * calling thread is no event loop's (nothing to go back to).
     */
    public static <T> Mono<T> resumeHere(Mono<T> waiting) {
        EventExecutor loop = ThreadExecutorMap.currentExecutor();
        if (loop == null) {
            return waiting;
        }
        Scheduler scheduler = SCHEDULERS.get(loop);
        if (scheduler == null) {
            // One per loop: a loop lives as long as the server, and there are a handful.
            scheduler = SCHEDULERS.computeIfAbsent(loop, Schedulers::fromExecutor);
        }
        return waiting.publishOn(scheduler);
    }

    /**
     * {@code waiting}, failing with a {@link TimeoutException} when it has not answered {@code timeout} after it was
     * subscribed to, as {@code Mono.timeout(Duration)} does; the deadline is kept by the calling thread's event loop,
     * or by Reactor's parallel scheduler when the calling thread is no event loop's.
     */
    public static <T> Mono<T> timeoutHere(Mono<T> waiting, Duration timeout) {
        EventExecutor loop = ThreadExecutorMap.currentExecutor();
        if (loop == null) {
            return waiting.timeout(timeout);
        }
        Mono<Long> deadline = Mono.create(sink -> {
            ScheduledFuture<?> timer = loop.schedule(() -> sink.success(0L), timeout.toNanos(), TimeUnit.NANOSECONDS);
            sink.onCancel(() -> timer.cancel(false));
        });
        return waiting.timeout(deadline, Mono.error(() -> new TimeoutException(
                "No answer within " + timeout.toMillis() + " ms")));
    }

    /**
     * Fails {@code future} with a {@link TimeoutException} unless it completes within {@code after}, as
     * {@code CompletableFuture.orTimeout} does; the deadline is kept by the calling thread's event loop, or by the
     * JDK's timer when the calling thread is no event loop's.
     */
    public static void failAfter(CompletableFuture<?> future, Duration after) {
        EventExecutor loop = ThreadExecutorMap.currentExecutor();
        if (loop == null) {
            future.orTimeout(after.toNanos(), TimeUnit.NANOSECONDS);
            return;
        }
        ScheduledFuture<?> timer = loop.schedule(() -> {
            future.completeExceptionally(new TimeoutException("Not done within " + after.toMillis() + " ms"));
        }, after.toNanos(), TimeUnit.NANOSECONDS);
        future.whenComplete((value, error) -> timer.cancel(false));
    }
}
