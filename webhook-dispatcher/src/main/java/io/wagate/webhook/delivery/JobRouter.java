package io.wagate.webhook.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wagate.webhook.WebhookProperties;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Decides what happens to a job that is due: an attempt when its endpoint gets a slot (at once or after a wait in
 * its queue, see {@link EndpointSlots}) and is within its rate limit, otherwise the job is deferred to
 * {@code webhooks.deferred} (not an attempt). The consumer hears of the job once, when everything it leads to is
 * durable (attempt logged, follow-up or deferral published), which is when its offset may be committed.
 */
@Component
class JobRouter {

    /** What the consumer that handed a job over learns of it, once. */
    interface Completion {

        /** Everything the job leads to is durable: its offset may be committed. */
        void done();

        /** The job was given up unfinished because the dispatcher is stopping: it is consumed again later. */
        void abandoned();
    }

    private static final Logger log = LoggerFactory.getLogger(JobRouter.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final Deliverer deliverer;
    private final EndpointSlots slots;
    private final EndpointRateLimits rateLimits;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Duration busyDelay;
    private final Counter deferredBusy;
    private final Counter deferredRateLimited;
    private volatile boolean stopped;

    JobRouter(Deliverer deliverer, EndpointSlots slots, EndpointRateLimits rateLimits,
            KafkaTemplate<String, byte[]> kafka, MeterRegistry meters, WebhookProperties properties) {
        this.deliverer = deliverer;
        this.slots = slots;
        this.rateLimits = rateLimits;
        this.kafka = kafka;
        this.busyDelay = properties.busyDelay();
        this.deferredBusy = meters.counter("wagate.webhooks.deferred", "reason", "busy");
        this.deferredRateLimited = meters.counter("wagate.webhooks.deferred", "reason", "rate_limited");
    }

    void route(DeliveryJob job, Completion completion) {
        slots.acquire(job.endpointId(), new Attempt(job, completion, 0));
    }

    /** Work still running gives up at its next step instead of logging or publishing anything more. */
    void stop() {
        stopped = true;
        deliverer.stop(true);
    }

    /** Takes jobs again after {@link #stop()}. */
    void start() {
        stopped = false;
        deliverer.stop(false);
    }

    /**
     * One try at a job: waits for a slot, sends, and gives the slot back as soon as the request is over (logging
     * the attempt does not load the receiver, so it does not hold the receiver's slot).
     */
    private final class Attempt implements EndpointSlots.Waiter {

        private final DeliveryJob job;
        private final Completion completion;
        private final int failures;
        private long grantedAt;
        private boolean released;

        Attempt(DeliveryJob job, Completion completion, int failures) {
            this.job = job;
            this.completion = completion;
            this.failures = failures;
        }

        @Override
        public void granted() {
            UUID endpointId = job.endpointId();
            if (!rateLimits.tryAcquire(endpointId)) {
                slots.release(endpointId, 0);
                defer(job, deferredRateLimited, completion);
                return;
            }
            grantedAt = System.nanoTime();
            // Deferred, so that even a failure while setting the attempt up ends in failed() and is tried again.
            Mono.defer(() -> deliverer.attempt(job, this::requestOver)).subscribe(null, this::failed, () -> {
                requestOver();
                completion.done();
            });
        }

        @Override
        public void refused() {
            defer(job, deferredBusy, completion);
        }

        /** Called when the request is answered (or not made); once, whichever of the paths gets here first. */
        private void requestOver() {
            boolean first;
            synchronized (this) {
                first = !released;
                released = true;
            }
            if (first) {
                slots.release(job.endpointId(), System.nanoTime() - grantedAt);
            }
        }

        /**
         * The database or the broker failed, not the receiver: the job is tried again after a pause, through the
         * slots again (the receiver may see a duplicate with the same webhook id), rather than committed unlogged.
         */
        private void failed(Throwable error) {
            requestOver();
            if (stopped) {
                completion.abandoned();
                return;
            }
            log.warn("Webhook {} to endpoint {}: attempt could not be completed, trying again: {}", job.webhookId(),
                    job.endpointId(), error.toString());
            Mono.delay(backoff(failures)).subscribe(tick -> {
                if (stopped) {
                    completion.abandoned();
                } else {
                    slots.acquire(job.endpointId(), new Attempt(job, completion, failures + 1));
                }
            });
        }
    }

    private void defer(DeliveryJob job, Counter reason, Completion completion) {
        reason.increment();
        long due = System.currentTimeMillis() + busyDelay.toMillis();
        untilDone(() -> Mono.fromFuture(() -> kafka.send(new ProducerRecord<>(DeliveryTopics.DEFERRED,
                        job.endpointId().toString(), job.deferredUntil(due).encode()))).then(), 0,
                error -> log.warn("Deferring webhook {} failed, trying again: {}", job.webhookId(), error.toString()))
                .subscribe(null, error -> completion.abandoned(), completion::done);
    }

    /**
     * The work, repeated with a growing pause after each failure until it succeeds or the dispatcher stops. Cheaper
     * than a retry operator on the path every delivery takes, since nothing is set up unless a failure happens.
     */
    private Mono<Void> untilDone(Supplier<Mono<Void>> work, int failures,
            java.util.function.Consumer<Throwable> onFailure) {
        return Mono.defer(work).onErrorResume(error -> {
            if (stopped) {
                return Mono.error(error);
            }
            onFailure.accept(error);
            return Mono.delay(backoff(failures)).then(untilDone(work, failures + 1, onFailure));
        });
    }

    /** 1 s, 2 s, 4 s ... up to 30 s, each between half and all of it. */
    private static Duration backoff(int failures) {
        long base = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(failures, 5));
        return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }
}
