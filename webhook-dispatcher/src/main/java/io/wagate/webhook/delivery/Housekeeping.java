package io.wagate.webhook.delivery;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.wagate.webhook.RetentionProperties;
import io.wagate.webhook.delivery.internal.AttemptRows;
import io.wagate.webhook.delivery.internal.PayloadRows;
import io.wagate.webhook.endpoint.Endpoints;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Deletes attempt-log rows and kept bodies past their retention, and refreshes the gauge of disabled endpoints.
 * Every replica may run it: the deletes are idempotent.
 */
@Component
class Housekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
    private static final List<String> DISABLED_REASONS = List.of("gone", "failing", "disabled_by_user");

    private final AttemptRows attempts;
    private final PayloadRows payloads;
    private final Endpoints endpoints;
    private final RetentionProperties retention;
    private final Map<String, AtomicLong> disabled = new ConcurrentHashMap<>();
    private volatile @Nullable Disposable schedule;

    Housekeeping(AttemptRows attempts, PayloadRows payloads, Endpoints endpoints, RetentionProperties retention,
            MeterRegistry meters) {
        this.attempts = attempts;
        this.payloads = payloads;
        this.endpoints = endpoints;
        this.retention = retention;
        for (String reason : DISABLED_REASONS) {
            AtomicLong count = disabled.computeIfAbsent(reason, any -> new AtomicLong());
            Gauge.builder("wagate.webhooks.endpoints.disabled.current", count, AtomicLong::get).tag("reason", reason)
                    .description("Endpoints disabled now, refreshed by housekeeping").register(meters);
        }
    }

    /** One pass; the counts of rows deleted, attempts first. */
    Mono<List<Long>> run() {
        Instant now = Instant.now();
        return attempts.deleteOlderThan(now.minus(retention.attempts()))
                .zipWith(payloads.deleteOlderThan(now.minus(retention.payloads())))
                .map(deleted -> List.of(deleted.getT1(), deleted.getT2()))
                .flatMap(deleted -> endpoints.disabledCounts().doOnNext(counts -> DISABLED_REASONS.forEach(reason ->
                        disabled.get(reason).set(counts.getOrDefault(reason, 0L)))).thenReturn(deleted));
    }

    @Override
    public void start() {
        schedule = Flux.interval(Duration.ZERO, retention.housekeepingInterval(), Schedulers.parallel())
                .onBackpressureDrop()
                .concatMap(tick -> run().onErrorResume(error -> {
                    log.warn("Webhook housekeeping failed, trying again next time: {}", error.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = schedule;
        if (current != null) {
            current.dispose();
        }
        schedule = null;
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }
}
