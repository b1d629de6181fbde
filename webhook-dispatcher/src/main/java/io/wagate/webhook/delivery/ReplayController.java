package io.wagate.webhook.delivery;

import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.web.ApiProblem;
import io.wagate.webhook.RetentionProperties;
import io.wagate.webhook.delivery.internal.AttemptRows;
import io.wagate.webhook.delivery.internal.PayloadRows;
import io.wagate.webhook.endpoint.Endpoint;
import io.wagate.webhook.endpoint.Endpoints;
import io.wagate.webhook.endpoint.WebhookProblems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Replays kept deliveries of an endpoint: the same body under the same {@code webhook-id}, signed afresh, through
 * the normal delivery (log, retries). Bodies are kept for {@code wagate.webhooks.retention.payloads}.
 */
@RestController
@RequestMapping("/api/webhooks/endpoints/{id}")
class ReplayController {

    /** Deliveries one range replay sends at most. */
    static final int MAX_REPLAY = 1000;

    /**
     * {@code POST /api/webhooks/endpoints/{id}/replay}: the deliveries queued in [since, until).
     *
     * @param eventTypes only these public types (absent or empty: all)
     * @param outcome only deliveries that {@code succeeded} or that never succeeded ({@code failed}); absent: both
     */
    record RangeReplay(@NotNull @Nullable Instant since, @NotNull @Nullable Instant until,
            @Nullable @Size(max = 20) List<String> eventTypes, @Nullable String outcome) {
    }

    /** What was queued again: the webhook ids to look for at the receiver. */
    record Replayed(int replayed, List<String> webhookIds) {
    }

    /** One queued replay. */
    record ReplayedOne(String webhookId, String eventId) {
    }

    private final Endpoints endpoints;
    private final PayloadRows payloads;
    private final AttemptRows attempts;
    private final DeliveryJobs jobs;
    private final RetentionProperties retention;

    ReplayController(Endpoints endpoints, PayloadRows payloads, AttemptRows attempts, DeliveryJobs jobs,
            RetentionProperties retention) {
        this.endpoints = endpoints;
        this.payloads = payloads;
        this.attempts = attempts;
        this.jobs = jobs;
        this.retention = retention;
    }

    @PostMapping("/deliveries/{webhookId}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<ReplayedOne> replayOne(InternalIdentity identity, @PathVariable UUID id, @PathVariable String webhookId) {
        return replayable(identity, id).flatMap(endpoint -> payloads.find(endpoint.id(), webhookId)
                .filter(payload -> payload.createdAt().isAfter(keptSince()))
                .switchIfEmpty(Mono.defer(() -> attempts.known(endpoint.id(), webhookId)
                        .flatMap(known -> Mono.<PayloadRows.Payload>error(known
                                ? WebhookProblems.replayExpired(webhookId, retention.payloads().toString())
                                : ApiProblem.notFound("Delivery " + webhookId)))))
                .flatMap(jobs::replay)
                .map(job -> new ReplayedOne(job.webhookId(), job.eventId())));
    }

    @PostMapping("/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Replayed> replayRange(InternalIdentity identity, @PathVariable UUID id,
            @Valid @RequestBody RangeReplay request) {
        Instant since = request.since();
        Instant until = request.until();
        if (since == null || until == null || !since.isBefore(until)) {
            throw ApiProblem.invalid("since must be before until");
        }
        List<String> types = DeliveryFilters.types(request.eventTypes());
        Boolean succeeded = DeliveryFilters.outcome(request.outcome());
        Instant from = since.isAfter(keptSince()) ? since : keptSince();
        return replayable(identity, id).flatMap(endpoint -> payloads.range(endpoint.id(), from, until, types,
                        succeeded, MAX_REPLAY + 1).collectList())
                .flatMap(found -> {
                    if (found.size() > MAX_REPLAY) {
                        return Mono.error(WebhookProblems.replayTooLarge(MAX_REPLAY));
                    }
                    return Flux.fromIterable(found).concatMap(jobs::replay)
                            .map(DeliveryJob::webhookId).collectList()
                            .map(ids -> new Replayed(ids.size(), ids));
                });
    }

    private Mono<Endpoint> replayable(InternalIdentity identity, UUID id) {
        return endpoints.manageable(identity, id).flatMap(endpoint -> endpoint.enabled() ? Mono.just(endpoint)
                : Mono.error(ApiProblem.conflict("The endpoint is disabled; enable it to replay deliveries")));
    }

    private Instant keptSince() {
        return Instant.now().minus(retention.payloads());
    }
}
