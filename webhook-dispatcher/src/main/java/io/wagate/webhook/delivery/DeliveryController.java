package io.wagate.webhook.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.wagate.contracts.EventIds;
import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.web.ApiProblem;
import io.wagate.webhook.delivery.internal.AttemptRows;
import io.wagate.webhook.endpoint.Endpoints;
import io.wagate.webhook.event.PublicEvent;
import io.wagate.webhook.event.PublicEventType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The delivery log of an endpoint and test sends, under {@code /api/webhooks/endpoints/{id}}. */
@RestController
@RequestMapping("/api/webhooks/endpoints/{id}")
class DeliveryController {

    static final int MAX_LIMIT = 100;

    /** The answer to a test send: the ids to look for at the receiver and in the log. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TestSent(String eventId, String webhookId) {
    }

    private final Endpoints endpoints;
    private final AttemptRows attempts;
    private final DeliveryJobs jobs;

    DeliveryController(Endpoints endpoints, AttemptRows attempts, DeliveryJobs jobs) {
        this.endpoints = endpoints;
        this.attempts = attempts;
        this.jobs = jobs;
    }

    @GetMapping("/attempts")
    Flux<AttemptRows.Attempt> attempts(InternalIdentity identity, @PathVariable UUID id,
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.invalid("limit must be between 1 and " + MAX_LIMIT);
        }
        return endpoints.manageable(identity, id).flatMapMany(endpoint -> attempts.recent(endpoint.id(), limit));
    }

    /** Sends a {@code webhook.test} event through the normal delivery (signature, log, retries). */
    @PostMapping("/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<TestSent> test(InternalIdentity identity, @PathVariable UUID id) {
        return endpoints.manageable(identity, id).flatMap(endpoint -> {
            if (!endpoint.enabled()) {
                return Mono.error(ApiProblem.conflict("The endpoint is disabled; enable it to send a test"));
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("instance", endpoint.instanceName() == null ? "" : endpoint.instanceName());
            data.put("endpointId", endpoint.id().toString());
            data.put("requestedBy", identity.actor());
            PublicEvent event = new PublicEvent(EventIds.newId(), PublicEventType.WEBHOOK_TEST, Instant.now(), data);
            return jobs.enqueue(event, endpoint.id()).map(job -> new TestSent(job.eventId(), job.webhookId()));
        });
    }
}
