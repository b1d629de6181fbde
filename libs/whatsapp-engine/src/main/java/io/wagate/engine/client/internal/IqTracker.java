package io.wagate.engine.client.internal;

import io.wagate.engine.binary.Node;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Correlates iq requests with their result/error by id. Ids look like WhatsApp Web's {@code "<u16>.<u16>-<n>"}: a
 * random prefix per connection and a counter.
 */
final class IqTracker {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String prefix;
    private final AtomicLong counter = new AtomicLong();
    private final Map<String, CompletableFuture<Node>> pending = new ConcurrentHashMap<>();

    IqTracker() {
        prefix = RANDOM.nextInt(1 << 16) + "." + RANDOM.nextInt(1 << 16) + "-";
    }

    String nextId() {
        return prefix + counter.incrementAndGet();
    }

    /** Registers a request; the future fails with a TimeoutException after {@code timeout}. */
    CompletableFuture<Node> register(String id, Duration timeout) {
        CompletableFuture<Node> future = new CompletableFuture<>();
        pending.put(id, future);
        future.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((node, error) -> pending.remove(id, future));
        return future;
    }

    /** Completes the request this response answers; false when nobody waits for the id. */
    boolean complete(Node response) {
        String id = response.attribute("id");
        CompletableFuture<Node> future = id == null ? null : pending.remove(id);
        if (future == null) {
            return false;
        }
        if ("error".equals(response.attribute("type"))) {
            future.completeExceptionally(new IqErrorException(response));
        } else {
            future.complete(response);
        }
        return true;
    }

    void failAll(Throwable cause) {
        pending.values().forEach(future -> future.completeExceptionally(cause));
        pending.clear();
    }
}
