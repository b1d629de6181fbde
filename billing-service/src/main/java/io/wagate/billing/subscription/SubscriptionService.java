package io.wagate.billing.subscription;

import io.wagate.billing.plan.Plan;
import io.wagate.billing.plan.PlanCatalogue;
import io.wagate.billing.subscription.internal.SubscriptionRows;
import io.wagate.billing.usage.QuotaNotices;
import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.Topics;
import io.wagate.contracts.platform.SubscriptionChanged;
import io.wagate.contracts.platform.SubscriptionStatus;
import io.wagate.support.outbox.Outbox;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Reads and changes subscriptions; each change commits with its SubscriptionChanged event. */
@Service
public class SubscriptionService {

    static final String SOURCE = "/billing-service";

    private final SubscriptionRows rows;
    private final PlanCatalogue catalogue;
    private final Outbox outbox;
    private final QuotaNotices quotas;
    private final TransactionalOperator transactions;

    SubscriptionService(SubscriptionRows rows, PlanCatalogue catalogue, Outbox outbox, QuotaNotices quotas,
            TransactionalOperator transactions) {
        this.rows = rows;
        this.catalogue = catalogue;
        this.outbox = outbox;
        this.quotas = quotas;
        this.transactions = transactions;
    }

    /** The tenant's subscription; a tenant billing has not heard of yet is on the default plan. */
    public Mono<Subscription> current(UUID tenantId) {
        return rows.find(tenantId).defaultIfEmpty(new Subscription(tenantId, catalogue.defaultPlan().id(),
                SubscriptionStatus.ACTIVE, 0, Instant.now()));
    }

    public Plan planOf(Subscription subscription) {
        return catalogue.resolve(subscription.plan());
    }

    /** Creates the default subscription of a new tenant once (inside the caller's transaction). */
    Mono<Void> createDefault(UUID tenantId) {
        Plan plan = catalogue.defaultPlan();
        return rows.insertIfAbsent(tenantId, plan.id(), 1)
                .flatMap(created -> created
                        ? publish(new Subscription(tenantId, plan.id(), SubscriptionStatus.ACTIVE, 1, Instant.now()),
                                null)
                        : Mono.empty());
    }

    /**
     * Moves the tenant to the plan (and status, when given). Nothing is published when nothing changes; otherwise
     * the version goes up by one under the row lock, so concurrent changes get distinct, ordered versions.
     */
    Mono<Subscription> change(UUID tenantId, Plan plan, @Nullable SubscriptionStatus status) {
        Mono<Subscription> work = rows.insertIfAbsent(tenantId, catalogue.defaultPlan().id(), 0)
                .then(rows.lock(tenantId))
                .flatMap(current -> {
                    SubscriptionStatus newStatus = status == null ? current.status() : status;
                    if (current.version() > 0 && current.plan().equals(plan.id()) && current.status() == newStatus) {
                        return Mono.just(current);
                    }
                    return rows.update(tenantId, plan.id(), newStatus, current.version() + 1)
                            .flatMap(changed -> publish(changed, current.version() == 0 ? null : current.plan())
                                    .then(quotas.restoreIfRaised(tenantId, plan.limits().dailyMessageQuota()))
                                    .thenReturn(changed));
                });
        return transactions.transactional(work);
    }

    private Mono<Void> publish(Subscription subscription, @Nullable String previousPlan) {
        Plan plan = catalogue.resolve(subscription.plan());
        String tenant = subscription.tenantId().toString();
        CloudEvent<SubscriptionChanged> event = CloudEvent.create(SOURCE, tenant, null, null,
                new SubscriptionChanged(subscription.tenantId(), subscription.version(), plan.id(), previousPlan,
                        subscription.status(), plan.limits(), Instant.now()));
        return outbox.append(Topics.SUBSCRIPTION_EVENTS, tenant, event);
    }
}
