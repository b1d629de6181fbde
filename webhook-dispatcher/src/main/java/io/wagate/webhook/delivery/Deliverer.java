package io.wagate.webhook.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wagate.webhook.WebhookProperties;
import io.wagate.webhook.delivery.internal.AttemptRows;
import io.wagate.webhook.endpoint.Endpoint;
import io.wagate.webhook.endpoint.Endpoints;
import io.wagate.webhook.signing.StandardWebhooksSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

    Mono<Void> attempt(DeliveryJob job) {
        return cache.get(job.endpointId()).flatMap(loaded -> {
            Endpoint endpoint = loaded.endpoint();
            if (endpoint == null) {
                // Deleted or disabled since the job was queued: nothing to send.
                count(job, "dropped");
                return Mono.empty();
            }
            return send(endpoint, job, loaded.secrets());
        });
    }

    private Mono<Void> send(Endpoint endpoint, DeliveryJob job, List<String> secrets) {
        byte[] body = job.bodyBytes();
        long timestamp = Instant.now().getEpochSecond();
        HttpHeaders headers = new HttpHeaders();
        endpoint.headers().forEach(headers::set);
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.USER_AGENT, USER_AGENT);
        headers.set(StandardWebhooksSigner.HEADER_ID, job.webhookId());
        headers.set(StandardWebhooksSigner.HEADER_TIMESTAMP, Long.toString(timestamp));
        headers.set(StandardWebhooksSigner.HEADER_SIGNATURE,
                StandardWebhooksSigner.signature(job.webhookId(), timestamp, body, secrets));
        CircuitBreaker breaker = breakers.of(endpoint.id());
        Mono<WebhookClient.Result> call = breaker.tryAcquirePermission()
                ? client.post(endpoint.url(), headers, body).doOnNext(result -> {
                    EndpointBreakers.record(breaker, result);
                    latency.record(result.latencyMillis(), TimeUnit.MILLISECONDS);
                })
                : Mono.just(new WebhookClient.Result(null, EndpointBreakers.CIRCUIT_OPEN, 0));
        return call.flatMap(result -> attemptLog.log(new AttemptRows.NewAttempt(endpoint.id(), job.eventId(),
                        job.webhookId(), job.type(), job.attempt() + 1, result.status(), result.latencyMillis(),
                        result.errorClass()))
                .then(Mono.defer(() -> after(endpoint, job, result))));
    }

    private Mono<Void> after(Endpoint endpoint, DeliveryJob job, WebhookClient.Result result) {
        if (result.success()) {
            count(job, "success");
            // Most endpoints are not in a failure run: no statement for them.
            return endpoint.failingSince() == null ? Mono.empty() : endpoints.succeeded(endpoint.id())
                    .doOnSuccess(done -> cache.forget(endpoint.id()));
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
        meters.counter("wagate.webhooks.attempts", "type", job.type(), "outcome", outcome).increment();
    }
}
