package io.wagate.webhook.endpoint;

import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.web.ApiProblem;
import io.wagate.webhook.endpoint.internal.EndpointRows;
import io.wagate.webhook.instance.InstanceRemoval;
import io.wagate.webhook.signing.SecretCipher;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What deliveries need from endpoints: the subscribers of an instance, their secrets, and disabling. */
@Service
public class Endpoints implements InstanceRemoval {

    private final EndpointRows rows;
    private final SecretCipher cipher;

    Endpoints(EndpointRows rows, SecretCipher cipher) {
        this.rows = rows;
        this.cipher = cipher;
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

    /** Records a failed attempt; true when the endpoint has now failed too long and this call disabled it. */
    public Mono<Boolean> failed(UUID id, Instant disableBefore) {
        return rows.failed(id, disableBefore);
    }

    /** True when this call disabled it (false when it already was). */
    public Mono<Boolean> disable(UUID id, String reason) {
        return rows.disable(id, reason);
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
