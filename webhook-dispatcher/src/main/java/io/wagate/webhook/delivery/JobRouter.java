package io.wagate.webhook.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.wagate.webhook.WebhookProperties;
import java.time.Duration;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Decides what happens to a job that is due: an attempt when its endpoint gets a slot (at once or after a short
 * wait in its queue) and is within its rate limit, otherwise the job is deferred to {@code webhooks.deferred} (not
 * an attempt). The returned work completes
 * only when everything the job leads to is durable (attempt logged, follow-up or deferral published), which is
 * when its offset may be committed.
 */
@Component
class JobRouter {

    private static final Logger log = LoggerFactory.getLogger(JobRouter.class);

    private final Deliverer deliverer;
    private final EndpointSlots slots;
    private final EndpointRateLimits rateLimits;
    private final KafkaTemplate<String, byte[]> kafka;
    private final MeterRegistry meters;
    private final Duration busyDelay;
    private final Duration attemptTimeout;

    JobRouter(Deliverer deliverer, EndpointSlots slots, EndpointRateLimits rateLimits,
            KafkaTemplate<String, byte[]> kafka, MeterRegistry meters, WebhookProperties properties) {
        this.deliverer = deliverer;
        this.slots = slots;
        this.rateLimits = rateLimits;
        this.kafka = kafka;
        this.meters = meters;
        this.busyDelay = properties.busyDelay();
        // The request is bounded by the client; the rest is the log insert and the next publish.
        this.attemptTimeout = properties.requestTimeout().plusSeconds(20);
    }

    Mono<Void> route(DeliveryJob job) {
        return slots.acquire(job.endpointId()).flatMap(taken -> {
            if (!taken) {
                return defer(job, "busy");
            }
            if (!rateLimits.tryAcquire(job.endpointId())) {
                slots.release(job.endpointId());
                return defer(job, "rate_limited");
            }
            // A failure here is the database or the broker, not the receiver: the job is attempted again (the
            // receiver may see a duplicate with the same webhook id) rather than committed unlogged.
            return Mono.defer(() -> deliverer.attempt(job))
                    .timeout(attemptTimeout)
                    .doOnError(error -> log.warn("Webhook {} to endpoint {}: attempt could not be completed, "
                            + "trying again: {}", job.webhookId(), job.endpointId(), error.toString()))
                    .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
                    .doFinally(signal -> slots.release(job.endpointId()));
        });
    }

    private Mono<Void> defer(DeliveryJob job, String reason) {
        meters.counter("wagate.webhooks.deferred", "reason", reason).increment();
        DeliveryJob later = job.deferredUntil(System.currentTimeMillis() + busyDelay.toMillis());
        return Mono.defer(() -> Mono.fromFuture(kafka.send(new ProducerRecord<>(DeliveryTopics.DEFERRED,
                        job.endpointId().toString(), later.encode()))))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
                .then();
    }
}
