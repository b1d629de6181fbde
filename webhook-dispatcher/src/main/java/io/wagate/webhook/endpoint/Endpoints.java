package io.wagate.webhook.endpoint;

import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.Topics;
import io.wagate.contracts.webhook.WebhookEndpointDisabled;
import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.outbox.Outbox;
import io.wagate.support.web.ApiProblem;
import io.wagate.webhook.endpoint.internal.EndpointRows;
import io.wagate.webhook.instance.InstanceRemoval;
import io.wagate.webhook.signing.SecretCipher;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What deliveries need from endpoints: the subscribers of an instance, their secrets, and disabling. */
@Service
public class Endpoints implements InstanceRemoval {

    static final String SOURCE = "/webhook-dispatcher";

    private final EndpointRows rows;
    private final SecretCipher cipher;
    private final Outbox outbox;
    private final TransactionalOperator transactions;

    Endpoints(EndpointRows rows, SecretCipher cipher, Outbox outbox, TransactionalOperator transactions) {
        this.rows = rows;
        this.cipher = cipher;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    public Flux<Endpoint> enabledFor(UUID instanceId) {
        return rows.enabledFor(instanceId);
    }

    /**
     * The endpoint if the caller may manage it: 403 for callers without the role or scope, 404 when it is another
     * tenant's or (for an API key) another instance's.
     */
    public Mono<Endpoint> manageable(InternalIdentity identity, UUID id) {
        EndpointAccess.requireManager(identity);
        return rows.find(identity.tenantId(), id)
                .filter(endpoint -> EndpointAccess.reaches(identity, endpoint.instanceId()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Webhook endpoint " + id)));
    }

    public Mono<Endpoint> find(UUID id) {
        return rows.findAnyTenant(id);
    }

    /** The plain secrets to sign with: the current one, then the previous one while its overlap lasts. */
    public Flux<String> signingSecrets(Endpoint endpoint) {
        byte[] previous = endpoint.previousSecretAt(Instant.now());
        Mono<String> current = cipher.decrypt(endpoint.id(), endpoint.secret());
        return previous == null ? current.flux() : current.concatWith(cipher.decrypt(endpoint.id(), previous));
    }

    /** Ends the endpoint's failure run after a successful attempt. */
    public Mono<Void> succeeded(UUID id) {
        return rows.succeeded(id);
    }

    /**
     * Records a failed attempt; true when the endpoint has now failed too long and this call disabled it (then
     * {@code io.wagate.webhook.endpoint_disabled.v1} is published in the same transaction).
     */
    public Mono<Boolean> failed(Endpoint endpoint, Instant disableBefore) {
        return transactions.transactional(rows.failed(endpoint.id(), disableBefore)
                .flatMap(disabled -> disabled ? announceDisabled(endpoint, "failing").thenReturn(true)
                        : Mono.just(false)));
    }

    /**
     * Disables the endpoint for a reason of the platform's ({@code gone}); true when this call disabled it (false
     * when it already was), and then the disabling is announced in the same transaction.
     */
    public Mono<Boolean> disable(Endpoint endpoint, String reason) {
        return transactions.transactional(rows.disable(endpoint.id(), reason)
                .flatMap(disabled -> disabled ? announceDisabled(endpoint, reason).thenReturn(true)
                        : Mono.just(false)));
    }

    private Mono<Void> announceDisabled(Endpoint endpoint, String reason) {
        String tenant = endpoint.tenantId().toString();
        return rows.failingSince(endpoint.id()).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(since -> outbox.append(Topics.WEBHOOK_EVENTS, tenant, CloudEvent.create(SOURCE, tenant,
                        endpoint.instanceId().toString(), endpoint.instanceName(),
                        new WebhookEndpointDisabled(endpoint.id(), endpoint.tenantId(), endpoint.instanceId(), reason,
                                "failing".equals(reason) ? since.orElse(null) : null, Instant.now()))));
    }

    /** Disabled endpoints by {@code disabledReason}. */
    public Mono<Map<String, Long>> disabledCounts() {
        return rows.disabledCounts();
    }

    @Override
    public Mono<Void> removed(UUID instanceId) {
        return rows.deleteForInstance(instanceId);
    }

    @Override
    public Mono<Void> tenantRemoved(UUID tenantId) {
        return rows.deleteForTenant(tenantId);
    }
}
