package io.wagate.instance.instance;

import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.EventIds;
import io.wagate.contracts.Topics;
import io.wagate.contracts.platform.InstanceCreated;
import io.wagate.contracts.platform.InstanceDeleted;
import io.wagate.contracts.platform.InstanceUpdated;
import io.wagate.contracts.session.Engine;
import io.wagate.contracts.session.LogoutSession;
import io.wagate.contracts.session.SessionStatus;
import io.wagate.instance.instance.internal.InstanceRows;
import io.wagate.instance.plan.PlanLimitReached;
import io.wagate.instance.plan.TenantPlans;
import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.outbox.Outbox;
import io.wagate.support.web.ApiProblem;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Creates, lists, updates and deletes instances; every change commits together with its outbox events. */
@Service
public class InstanceService {

    static final String SOURCE = "/instance-service";

    private final InstanceRows rows;
    private final Instances instances;
    private final TenantPlans plans;
    private final Outbox outbox;
    private final TransactionalOperator transactions;

    InstanceService(InstanceRows rows, Instances instances, TenantPlans plans, Outbox outbox,
            TransactionalOperator transactions) {
        this.rows = rows;
        this.instances = instances;
        this.plans = plans;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    public Mono<InstanceView> create(InternalIdentity identity, InstanceRequests.Create request) {
        InstanceAccess.requireManager(identity);
        String name = requireName(request.name());
        Engine engine = Engine.fromWire(String.valueOf(request.engine()));
        String description = blankToNull(request.description());
        UUID tenant = identity.tenantId();
        UUID id = EventIds.newUuid();
        CloudEvent<InstanceCreated> created = CloudEvent.create(SOURCE, tenant.toString(), id.toString(), name,
                new InstanceCreated(id, tenant, name, engine));
        Mono<Instance> work = rows.lockTenant(tenant)
                .then(rows.count(tenant, null))
                .zipWith(plans.of(tenant))
                .flatMap(countAndPlan -> countAndPlan.getT1() >= countAndPlan.getT2().limits().maxInstances()
                        ? Mono.error(new PlanLimitReached(countAndPlan.getT2(), countAndPlan.getT1()))
                        : rows.insert(id, tenant, name, description, engine))
                .then(outbox.append(Topics.INSTANCE_EVENTS, id.toString(), created))
                .then(rows.find(tenant, name));
        return transactions.transactional(work)
                .onErrorMap(DataIntegrityViolationException.class, e -> nameTaken(name))
                .map(InstanceView::of);
    }

    public Mono<InstancePage> list(InternalIdentity identity, @Nullable SessionStatus status, int page, int size) {
        InstanceAccess.requireUserReader(identity);
        return rows.page(identity.tenantId(), status, size, (long) page * size)
                .map(InstanceView::of)
                .collectList()
                .zipWith(rows.count(identity.tenantId(), status))
                .map(items -> new InstancePage(items.getT1(), page, size, items.getT2()));
    }

    public Mono<InstanceView> get(InternalIdentity identity, String name) {
        return instances.find(identity, name, InstanceAccess.Permission.READ).map(InstanceView::of);
    }

    public Mono<InstanceView> update(InternalIdentity identity, String name, InstanceRequests.Update request) {
        return instances.find(identity, name, InstanceAccess.Permission.READ)
                .flatMap(instance -> {
                    InstanceAccess.requireManager(identity);
                    if (request.name() == null && request.description() == null) {
                        return Mono.just(instance);
                    }
                    if (request.name() != null) {
                        requireName(request.name());
                    }
                    String newName = request.name() != null ? request.name() : instance.name();
                    String description = request.description() == null ? instance.description()
                            : blankToNull(request.description());
                    CloudEvent<InstanceUpdated> updated = CloudEvent.create(SOURCE, instance.tenantId().toString(),
                            instance.id().toString(), newName,
                            new InstanceUpdated(instance.id(), instance.tenantId(), newName, description));
                    Mono<Instance> work = rows.update(instance.tenantId(), instance.id(), request.name(),
                                    request.description())
                            .then(outbox.append(Topics.INSTANCE_EVENTS, instance.id().toString(), updated))
                            .then(rows.find(instance.tenantId(), newName));
                    return transactions.transactional(work)
                            .onErrorMap(DataIntegrityViolationException.class, e -> nameTaken(newName));
                })
                .map(InstanceView::of);
    }

    /**
     * Deletes the instance and tells the session-worker to log out and forget it; API keys and webhooks of the
     * instance are removed by their owners when they see the deletion event.
     */
    public Mono<Void> delete(InternalIdentity identity, String name) {
        return instances.find(identity, name, InstanceAccess.Permission.READ)
                .flatMap(instance -> {
                    InstanceAccess.requireDeleter(identity);
                    return transactions.transactional(remove(instance, identity.actor()));
                });
    }

    /**
     * Removes every instance of a closed tenant (inside the caller's transaction), each with the same logout and
     * deletion events as a single delete, then the tenant's bookkeeping rows.
     */
    Mono<Void> deleteTenant(UUID tenantId) {
        return rows.all(tenantId)
                .concatMap(instance -> remove(instance, "system"))
                .then(rows.forgetTenant(tenantId));
    }

    private Mono<Void> remove(Instance instance, String requestedBy) {
        String key = instance.id().toString();
        String tenant = instance.tenantId().toString();
        CloudEvent<LogoutSession> logout = CloudEvent.create(SOURCE, tenant, key, instance.name(),
                new LogoutSession(requestedBy, true));
        CloudEvent<InstanceDeleted> deleted = CloudEvent.create(SOURCE, tenant, key, instance.name(),
                new InstanceDeleted(instance.id(), instance.tenantId(), instance.name()));
        return rows.delete(instance.tenantId(), instance.id())
                .then(outbox.append(Topics.SESSION_COMMANDS, key, logout))
                .then(outbox.append(Topics.INSTANCE_EVENTS, key, deleted));
    }

    private static String requireName(@Nullable String name) {
        if (!InstanceNames.isValid(name)) {
            throw ApiProblem.invalid("name: " + InstanceRequests.NAME_RULE + " and not one of "
                    + InstanceNames.RESERVED);
        }
        return name;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static ApiProblem nameTaken(String name) {
        return ApiProblem.conflict("An instance named '" + name + "' already exists");
    }
}
