package io.wagate.webhook.endpoint;

import io.wagate.contracts.EventIds;
import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.web.ApiProblem;
import io.wagate.webhook.endpoint.internal.EndpointRows;
import io.wagate.webhook.instance.KnownInstance;
import io.wagate.webhook.instance.KnownInstances;
import io.wagate.webhook.signing.SecretCipher;
import io.wagate.webhook.signing.WebhookSecrets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The endpoint API's operations, always within the caller's tenant and, for API keys, the key's instance. */
@Service
class EndpointService {

    private final EndpointRows rows;
    private final EndpointRules rules;
    private final KnownInstances instances;
    private final SecretCipher cipher;
    private final TransactionalOperator transactions;

    EndpointService(EndpointRows rows, EndpointRules rules, KnownInstances instances, SecretCipher cipher,
            TransactionalOperator transactions) {
        this.rows = rows;
        this.rules = rules;
        this.instances = instances;
        this.cipher = cipher;
        this.transactions = transactions;
    }

    Mono<EndpointView> create(InternalIdentity identity, EndpointRequests.Create request) {
        EndpointAccess.requireManager(identity);
        var eventTypes = EndpointRules.eventTypes(require(request.eventTypes(), "eventTypes"));
        var headers = EndpointRules.headers(request.headers() == null ? Map.of() : request.headers());
        String instanceName = require(request.instance(), "instance");
        return instance(identity, instanceName)
                .flatMap(instance -> rules.url(require(request.url(), "url")).flatMap(url -> {
                    UUID id = EventIds.newUuid();
                    String secret = WebhookSecrets.generate();
                    return cipher.encrypt(id, secret)
                            .flatMap(sealed -> rows.insert(id, identity.tenantId(), instance.id(), url, eventTypes,
                                    sealed, headers))
                            .then(rows.find(identity.tenantId(), id))
                            .map(endpoint -> EndpointView.of(endpoint, secret));
                }));
    }

    Flux<EndpointView> list(InternalIdentity identity, @Nullable String instanceName) {
        EndpointAccess.requireManager(identity);
        Mono<Optional<UUID>> scope = instanceName != null
                ? instance(identity, instanceName).map(instance -> Optional.of(instance.id()))
                : Mono.just(Optional.ofNullable(identity.isApiKey() ? identity.instanceId() : null));
        return scope.flatMapMany(instance -> rows.list(identity.tenantId(), instance.orElse(null)))
                .map(endpoint -> EndpointView.of(endpoint, null));
    }

    Mono<EndpointView> get(InternalIdentity identity, UUID id) {
        EndpointAccess.requireManager(identity);
        return visible(identity, id).map(endpoint -> EndpointView.of(endpoint, null));
    }

    Mono<EndpointView> update(InternalIdentity identity, UUID id, EndpointRequests.Update request) {
        EndpointAccess.requireManager(identity);
        var eventTypes = request.eventTypes() == null ? null : EndpointRules.eventTypes(request.eventTypes());
        var headers = request.headers() == null ? null : EndpointRules.headers(request.headers());
        return visible(identity, id).flatMap(endpoint -> {
            Mono<String> url = request.url() == null ? Mono.just(endpoint.url()) : rules.url(request.url());
            boolean enabled = request.enabled() == null ? endpoint.enabled() : request.enabled();
            // Re-enabling clears why it was disabled; a still-disabled endpoint keeps its reason.
            String reason = enabled ? null
                    : request.enabled() != null && endpoint.enabled() ? "disabled_by_user" : endpoint.disabledReason();
            return url.flatMap(checked -> rows.update(id, checked,
                            eventTypes == null ? endpoint.eventTypes() : eventTypes, enabled, reason,
                            headers == null ? endpoint.headers() : headers))
                    .then(rows.find(identity.tenantId(), id));
        }).map(endpoint -> EndpointView.of(endpoint, null));
    }

    Mono<Void> delete(InternalIdentity identity, UUID id) {
        EndpointAccess.requireManager(identity);
        return visible(identity, id).flatMap(endpoint -> rows.delete(identity.tenantId(), id)).then();
    }

    Mono<EndpointView> rotate(InternalIdentity identity, UUID id, EndpointRequests.Rotate request) {
        EndpointAccess.requireManager(identity);
        int overlapSeconds = request.overlapSeconds() == null ? 0 : request.overlapSeconds();
        String secret = WebhookSecrets.generate();
        return transactions.transactional(visible(identity, id).flatMap(endpoint -> cipher.encrypt(id, secret)
                        .flatMap(sealed -> overlapSeconds == 0 ? rows.rotate(id, sealed, null, null)
                                : rows.rotate(id, sealed, endpoint.secret(),
                                        Instant.now().plus(Duration.ofSeconds(overlapSeconds))))
                        .then(rows.find(identity.tenantId(), id))))
                .map(endpoint -> EndpointView.of(endpoint, secret));
    }

    private Mono<Endpoint> visible(InternalIdentity identity, UUID id) {
        return rows.find(identity.tenantId(), id)
                .filter(endpoint -> EndpointAccess.reaches(identity, endpoint.instanceId()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Webhook endpoint " + id)));
    }

    private Mono<KnownInstance> instance(InternalIdentity identity, String name) {
        return instances.byName(identity.tenantId(), name)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Instance " + name)))
                .filter(instance -> EndpointAccess.reaches(identity, instance.id()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.forbidden("API keys manage their own instance's webhooks")));
    }

    private static <T> T require(@Nullable T value, String field) {
        if (value == null) {
            throw ApiProblem.invalid(field + " is required");
        }
        return value;
    }
}
