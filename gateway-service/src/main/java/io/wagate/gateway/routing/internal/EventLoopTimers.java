package io.wagate.gateway.routing.internal;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Timers on the event loop a request runs on. Reactor's timeouts default to its parallel scheduler: every request's
 * timer was put into another thread's delay queue and taken out again when the answer came, and with few requests in
 * flight each new timer was the queue's first and woke that thread (in the platform benchmark the parallel threads
 * woke about 350 times a second at 460 gateway requests a second). An event loop keeps its timers in its own queue,
 * on the thread that sets and cancels them.
 */
final class EventLoopTimers {

    private final Map<EventExecutor, Scheduler> byLoop = new ConcurrentHashMap<>();

    /** The current event loop's timers, or Reactor's parallel scheduler off an event loop. */
    Scheduler here() {
        EventExecutor loop = ThreadExecutorMap.currentExecutor();
        if (!(loop instanceof ScheduledExecutorService scheduled)) {
            return Schedulers.parallel();
        }
        Scheduler timers = byLoop.get(loop);
        return timers != null ? timers : byLoop.computeIfAbsent(loop, any -> Schedulers.fromExecutorService(scheduled,
                "gateway-loop-timers"));
    }
}
