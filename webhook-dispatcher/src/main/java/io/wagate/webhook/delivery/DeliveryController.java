package io.wagate.webhook.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.wagate.contracts.EventIds;
import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.web.ApiProblem;
import io.wagate.webhook.delivery.internal.AttemptRows;
import io.wagate.webhook.endpoint.Endpoints;
import io.wagate.webhook.event.PublicEvent;
import io.wagate.webhook.event.PublicEventType;
import io.wagate.webhook.WebhookProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The delivery log of an endpoint and test sends, under {@code /api/webhooks/endpoints/{id}}. */
@RestController
@RequestMapping("/api/webhooks/endpoints/{id}")
class DeliveryController {

    static final int MAX_LIMIT = 100;
    private static final int MAX_ID_LENGTH = 200;
    private static final Duration TEST_POLL = Duration.ofMillis(100);

    /**
     * The answer to a test send: the ids to look for at the receiver and in the log, and the first attempt when it
     * was made while the request waited.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TestSent(String eventId, String webhookId, @Nullable TestAttempt attempt) {
    }

    /** How the receiver answered the test: {@code delivered} is a 2xx. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TestAttempt(boolean delivered, @Nullable Integer statusCode, long latencyMs, @Nullable String errorClass) {

        static TestAttempt of(AttemptRows.Attempt attempt) {
            Integer status = attempt.statusCode();
            return new TestAttempt(status != null && status >= 200 && status < 300, status, attempt.latencyMs(),
                    attempt.errorClass());
        }
    }

    private final Endpoints endpoints;
    private final AttemptRows attempts;
    private final DeliveryJobs jobs;
    private final Duration testWait;

    DeliveryController(Endpoints endpoints, AttemptRows attempts, DeliveryJobs jobs, WebhookProperties properties) {
        this.endpoints = endpoints;
        this.attempts = attempts;
        this.jobs = jobs;
        // The request itself is bounded by the request timeout; the rest is the consume and the log.
        this.testWait = properties.requestTimeout().plusSeconds(5);
    }

    /**
     * The endpoint's attempts, newest first, optionally only of one event type, one outcome ({@code succeeded}: a
     * 2xx answer; {@code failed}), a time range [since, until), one webhook id or one event id. To page, pass the
     * oldest {@code createdAt} of a page as the next page's {@code until}.
     */
    @GetMapping("/attempts")
    Flux<AttemptRows.Attempt> attempts(InternalIdentity identity, @PathVariable UUID id,
            @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String outcome,
            @RequestParam(required = false) @Nullable String since,
            @RequestParam(required = false) @Nullable String until,
            @RequestParam(required = false) @Nullable String webhookId,
            @RequestParam(required = false) @Nullable String eventId) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.invalid("limit must be between 1 and " + MAX_LIMIT);
        }
        Instant from = DeliveryFilters.instant("since", since);
        Instant to = DeliveryFilters.instant("until", until);
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiProblem.invalid("since must be before until");
        }
        List<String> types = DeliveryFilters.types(type == null ? null : List.of(type));
        AttemptRows.Filter filter = new AttemptRows.Filter(types.isEmpty() ? null : types.getFirst(),
                DeliveryFilters.outcome(outcome), from, to, identifier("webhookId", webhookId),
                identifier("eventId", eventId));
        return endpoints.manageable(identity, id)
                .flatMapMany(endpoint -> attempts.recent(endpoint.id(), filter, limit));
    }

    private static @Nullable String identifier(String name, @Nullable String value) {
        if (value != null && (value.isBlank() || value.length() > MAX_ID_LENGTH)) {
            throw ApiProblem.invalid(name + " must be 1 to " + MAX_ID_LENGTH + " characters");
        }
        return value;
    }

    /**
     * Sends a {@code webhook.test} event through the normal delivery (signature, log, retries) and, unless
     * {@code wait=false}, waits for its first attempt: 200 with how the receiver answered, or 202 with the ids
     * only when the attempt was not made in time (the endpoint is busy or rate limited, say).
     */
    @PostMapping("/test")
    Mono<ResponseEntity<TestSent>> test(InternalIdentity identity, @PathVariable UUID id,
            @RequestParam(defaultValue = "true") boolean wait) {
        return endpoints.manageable(identity, id).flatMap(endpoint -> {
            if (!endpoint.enabled()) {
                return Mono.error(ApiProblem.conflict("The endpoint is disabled; enable it to send a test"));
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("instance", endpoint.instanceName() == null ? "" : endpoint.instanceName());
            data.put("endpointId", endpoint.id().toString());
            data.put("requestedBy", identity.actor());
            PublicEvent event = new PublicEvent(EventIds.newId(), PublicEventType.WEBHOOK_TEST, Instant.now(), data);
            return jobs.enqueue(event, endpoint.id()).flatMap(job -> {
                ResponseEntity<TestSent> pending = ResponseEntity.accepted()
                        .body(new TestSent(job.eventId(), job.webhookId(), null));
                if (!wait) {
                    return Mono.just(pending);
                }
                // The attempt may be made by any replica: the log is where its outcome shows.
                return attempts.first(endpoint.id(), job.webhookId())
                        .repeatWhenEmpty(repeats -> repeats.delayElements(TEST_POLL))
                        .timeout(testWait)
                        .map(attempt -> ResponseEntity.ok(new TestSent(job.eventId(), job.webhookId(),
                                TestAttempt.of(attempt))))
                        .onErrorResume(TimeoutException.class, timedOut -> Mono.just(pending));
            });
        });
    }
}
