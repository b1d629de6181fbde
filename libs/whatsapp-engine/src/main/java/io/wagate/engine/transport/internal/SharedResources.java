package io.wagate.engine.transport.internal;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP client per executor and one timer thread for the whole process: a thousand idle connections then cost
 * a thousand WebSocket objects, not a thousand selectors or threads.
 */
public final class SharedResources {

    private static final HttpClient DEFAULT_CLIENT = newClient(null);
    private static final Map<Executor, HttpClient> CLIENTS_BY_EXECUTOR = new ConcurrentHashMap<>();
    private static final ScheduledThreadPoolExecutor TIMER = newTimer();

    private SharedResources() {
    }

    public static HttpClient httpClient(@Nullable Executor executor) {
        if (executor == null) {
            return DEFAULT_CLIENT;
        }
        return CLIENTS_BY_EXECUTOR.computeIfAbsent(executor, SharedResources::newClient);
    }

    /** Keep-alive, iq timeouts, QR rotation. Tasks must be short and never block. */
    public static ScheduledExecutorService timer() {
        return TIMER;
    }

    private static HttpClient newClient(@Nullable Executor executor) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(20))
                .version(HttpClient.Version.HTTP_1_1);
        if (executor != null) {
            builder.executor(executor);
        }
        return builder.build();
    }

    private static ScheduledThreadPoolExecutor newTimer() {
        AtomicInteger counter = new AtomicInteger();
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "wa-engine-timer-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // Cancelled keep-alives and iq timeouts would otherwise pile up in the queue until their deadline.
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
