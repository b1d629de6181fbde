package io.wagate.webhook.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wagate.webhook.WebhookProperties;
import io.wagate.webhook.delivery.internal.AttemptRows;
import io.wagate.webhook.endpoint.Endpoint;
import io.wagate.webhook.endpoint.Endpoints;
import io.wagate.webhook.signing.StandardWebhooksSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Makes one attempt of a job: signs and sends it, logs the attempt, then decides what follows: nothing after a
 * 2xx, disabling the endpoint after a 410, otherwise the next attempt topic, or the dead letters after the last.
 */
@Component
class Deliverer {

    static final String USER_AGENT = "WaGate-Webhooks/1";
    private static final Logger log = LoggerFactory.getLogger(Deliverer.class);

    private final Endpoints endpoints;
    private final WebhookClient client;
    private final AttemptLog attemptLog;
    private final Timer latency;
    private final DeliveryTopics topics;
    private final KafkaTemplate<String, byte[]> kafka;
    private final WebhookProperties properties;
    private final MeterRegistry meters;
    private final EndpointBreakers breakers;
    private final EndpointCache cache;
    private final Map<String, Counter> attempts = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    Deliverer(Endpoints endpoints, WebhookClient client, AttemptLog attemptLog, DeliveryTopics topics,
            KafkaTemplate<String, byte[]> kafka, WebhookProperties properties, MeterRegistry meters,
            EndpointBreakers breakers, EndpointCache cache) {
        this.cache = cache;
        this.breakers = breakers;
        this.endpoints = endpoints;
        this.client = client;
        this.attemptLog = attemptLog;
        // A few fixed buckets rather than a percentile histogram: enough for latency percentiles and SLO alerts,
        // without a hundred series per replica.
        this.latency = Timer.builder("wagate.webhooks.attempt.latency")
                .serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
                        Duration.ofSeconds(10))
                .register(meters);
        this.topics = topics;
        this.kafka = kafka;
        this.properties = properties;
        this.meters = meters;
    }

    /**
     * Attempts the job; {@code requestOver} runs as soon as the request is answered or known not to be made (before
     * the attempt is logged), the returned work completes once everything that follows is durable.
     */
    Mono<Void> attempt(DeliveryJob job, Runnable requestOver) {
        EndpointCache.Loaded cached = cache.fresh(job.endpointId());
        return cached != null ? attempt(job, cached, requestOver)
                : cache.load(job.endpointId()).flatMap(loaded -> attempt(job, loaded, requestOver));
    }

    /**
     * Tells attempts still running to give up before they log anything (their jobs are consumed again later), or
     * lets them go on again.
     */
    void stop(boolean stop) {
        stopped = stop;
    }

    private Mono<Void> attempt(DeliveryJob job, EndpointCache.Loaded loaded, Runnable requestOver) {
        Endpoint endpoint = loaded.endpoint();
        StandardWebhooksSigner.Prepared signer = loaded.signer();
        if (endpoint == null || signer == null) {
            // Deleted or disabled since the job was queued: nothing to send.
            requestOver.run();
            count(job, "dropped");
            return Mono.empty();
        }
        CircuitBreaker breaker = breakers.of(endpoint.id());
        Mono<WebhookClient.Result> call = breaker.tryAcquirePermission()
                ? send(endpoint, job, signer).doOnNext(result -> {
                    EndpointBreakers.record(breaker, result);
                    latency.record(result.latencyMillis(), TimeUnit.MILLISECONDS);
                })
                : Mono.just(new WebhookClient.Result(null, EndpointBreakers.CIRCUIT_OPEN, 0));
        return call.flatMap(result -> {
            requestOver.run();
            if (stopped) {
                return Mono.error(new IllegalStateException("Stopping: the attempt is not logged and runs again"));
            }
            Mono<Void> logged = attemptLog.log(new AttemptRows.NewAttempt(endpoint.id(), job.eventId(),
                    job.webhookId(), job.type(), job.attempt() + 1, result.status(), result.latencyMillis(),
                    result.errorClass()));
            if (result.success() && endpoint.failingSince() == null) {
                // The common case, without a follow-up: most endpoints are not in a failure run.
                return logged.doOnSuccess(done -> count(job, "success"));
            }
            return logged.then(Mono.defer(() -> after(endpoint, job, result)));
        });
    }

    /** Signs and posts the job's body as it stands (no breaker, no log). */
    private Mono<WebhookClient.Result> send(Endpoint endpoint, DeliveryJob job, StandardWebhooksSigner.Prepared signer) {
        byte[] body = job.bodyBytes();
        long timestamp = Instant.now().getEpochSecond();
        String signature = signer.signature(job.webhookId(), timestamp, body);
        return client.post(endpoint.url(), headers -> {
            endpoint.headers().forEach(headers::set);
            headers.set(StandardWebhooksSigner.HEADER_ID, job.webhookId());
            headers.set(StandardWebhooksSigner.HEADER_TIMESTAMP, Long.toString(timestamp));
            headers.set(StandardWebhooksSigner.HEADER_SIGNATURE, signature);
        }, body);
    }

    private Mono<Void> after(Endpoint endpoint, DeliveryJob job, WebhookClient.Result result) {
        if (result.success()) {
            count(job, "success");
            return endpoints.succeeded(endpoint.id()).doOnSuccess(done -> cache.forget(endpoint.id()));
        }
        // Dropped again once the failure is recorded, so that no reload in between caches the endpoint as healthy.
        cache.forget(endpoint.id());
        if (Integer.valueOf(410).equals(result.status())) {
            count(job, "gone");
            // 410 Gone is the receiver saying "stop": retrying would only be noise.
            return endpoints.disable(endpoint, "gone").doOnNext(disabled -> {
                if (disabled) {
                    meters.counter("wagate.webhooks.endpoints.disabled", "reason", "gone").increment();
                    log.info("Webhook endpoint {} answered 410 and is disabled", endpoint.id());
                }
            }).doFinally(signal -> cache.forget(endpoint.id())).then();
        }
        count(job, "failed");
        return endpoints.failed(endpoint, Instant.now().minus(properties.disableAfter()))
                .doOnNext(disabled -> {
                    if (disabled) {
                        meters.counter("wagate.webhooks.endpoints.disabled", "reason", "failing").increment();
                        log.warn("Webhook endpoint {} failed for longer than {} without a success and is disabled",
                                endpoint.id(), properties.disableAfter());
                    }
                })
                .doFinally(signal -> cache.forget(endpoint.id()))
                .then(Mono.defer(() -> retry(endpoint, job, result)));
    }

    private Mono<Void> retry(Endpoint endpoint, DeliveryJob job, WebhookClient.Result result) {
        int next = job.attempt() + 1;
        if (next >= topics.attempts()) {
            meters.counter("wagate.webhooks.dead_lettered").increment();
            log.warn("Webhook {} to endpoint {} failed its last attempt (number {}) and goes to the dead letters",
                    job.webhookId(), endpoint.id(), next);
            return publish(DeliveryTopics.DEAD_LETTER, job);
        }
        Duration delay = jittered(topics.delayBefore(next));
        Duration retryAfter = result.retryAfter();
        if (retryAfter != null) {
            // Each attempt topic holds one delay so that its records fall due in order; honouring a longer
            // Retry-After therefore skips to the first attempt whose delay covers it (only the last attempt, which
            // nothing follows on its topic's schedule, waits for exactly the requested time).
            while (next < topics.attempts() - 1 && topics.delayBefore(next).compareTo(retryAfter) < 0) {
                next++;
            }
            Duration scheduled = jittered(topics.delayBefore(next));
            delay = scheduled.compareTo(retryAfter) < 0 ? retryAfter : scheduled;
        }
        long due = System.currentTimeMillis() + delay.toMillis();
        return publish(DeliveryTopics.topic(next), job.nextAt(next, due));
    }

    private Duration jittered(Duration delay) {
        double spread = properties.retryJitter();
        if (spread == 0 || delay.isZero()) {
            return delay;
        }
        double factor = 1 + ThreadLocalRandom.current().nextDouble(-spread, spread);
        return Duration.ofMillis(Math.round(delay.toMillis() * factor));
    }

    private Mono<Void> publish(String topic, DeliveryJob job) {
        return Mono.fromFuture(() -> kafka.send(new ProducerRecord<>(topic, job.endpointId().toString(), job.encode())))
                .then();
    }

    private void count(DeliveryJob job, String outcome) {
        // Looked up once per (type, outcome): a registry lookup with tags per delivery was a visible cost.
        attempts.computeIfAbsent(job.type() + '|' + outcome,
                key -> meters.counter("wagate.webhooks.attempts", "type", job.type(), "outcome", outcome)).increment();
    }
}
