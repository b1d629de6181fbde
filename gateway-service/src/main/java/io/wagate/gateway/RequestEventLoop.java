package io.wagate.gateway;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Brings a request's work back to the event loop it arrived on after it waited for Redis. The answer comes on a
 * Redis client thread, and so does everything the waiting request does next (the rest of its filters, signing,
 * writing to the service) unless it is handed back: when a key's remembered grant or a caller's lease has run out,
 * every request arriving during the lookup waits for that same answer, and all of them then ran one after another
 * on that one thread, each calling its service over a connection of another thread's loop. On their own loops they
 * go on side by side, each over its loop's connections ({@code EventLoopAffineConnectionProvider}).
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
}
