package io.wagate.instance.instance;

import io.wagate.instance.instance.internal.InstanceRows;
import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.web.ApiProblem;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Finds an instance for a caller. Existence is decided before permission, and only within the caller's tenant
 * (and, for an API key, its own instance), so a foreign instance answers 404 exactly like a missing one.
 */
@Component
public class Instances {

    private final InstanceRows rows;

    Instances(InstanceRows rows) {
        this.rows = rows;
    }

    public Mono<Instance> find(InternalIdentity identity, String name, InstanceAccess.Permission permission) {
        Mono<Instance> found = InstanceNames.isValid(name) ? rows.find(identity.tenantId(), name) : Mono.empty();
        return found
                .filter(instance -> !identity.isApiKey() || instance.id().equals(identity.instanceId()))
                .switchIfEmpty(Mono.error(() -> notFound(name)))
                .doOnNext(instance -> InstanceAccess.require(identity, permission));
    }

    /** Records what the tenant asked for last (inside the caller's transaction). */
    public Mono<Void> requestState(Instance instance, DesiredState state) {
        return rows.setDesiredState(instance.tenantId(), instance.id(), state);
    }

    static ApiProblem notFound(String name) {
        return ApiProblem.notFound("Instance " + InstanceNames.echo(name));
    }
}
