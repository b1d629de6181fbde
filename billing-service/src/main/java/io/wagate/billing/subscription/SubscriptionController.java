package io.wagate.billing.subscription;

import io.wagate.billing.access.BillingAccess;
import io.wagate.billing.plan.PlanCatalogue;
import io.wagate.contracts.platform.SubscriptionStatus;
import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.web.ApiProblem;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET|PUT /api/billing/subscription} for the caller's tenant (any member reads, the OWNER changes the plan)
 * and {@code PUT /api/billing/operator/tenants/{tenantId}/subscription} for platform operators.
 */
@RestController
class SubscriptionController {

    private final SubscriptionService subscriptions;
    private final PlanCatalogue catalogue;

    SubscriptionController(SubscriptionService subscriptions, PlanCatalogue catalogue) {
        this.subscriptions = subscriptions;
        this.catalogue = catalogue;
    }

    @GetMapping("/api/billing/subscription")
    Mono<SubscriptionView> current(InternalIdentity identity) {
        BillingAccess.requireMember(identity);
        return subscriptions.current(identity.tenantId()).map(this::view);
    }

    @PutMapping("/api/billing/subscription")
    Mono<SubscriptionView> change(InternalIdentity identity,
            @Valid @RequestBody SubscriptionRequests.ChangePlan request) {
        BillingAccess.requireOwner(identity);
        return subscriptions.change(identity.tenantId(), catalogue.require(String.valueOf(request.plan())),
                        SubscriptionStatus.ACTIVE)
                .map(this::view);
    }

    @PutMapping("/api/billing/operator/tenants/{tenantId}/subscription")
    Mono<SubscriptionView> operatorChange(InternalIdentity identity, @PathVariable String tenantId,
            @Valid @RequestBody SubscriptionRequests.OperatorChange request) {
        BillingAccess.requireOperator(identity);
        return subscriptions.change(tenant(tenantId), catalogue.require(String.valueOf(request.plan())),
                        request.status())
                .map(this::view);
    }

    private SubscriptionView view(Subscription subscription) {
        return SubscriptionView.of(subscription, subscriptions.planOf(subscription));
    }

    private static UUID tenant(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("tenantId must be a UUID");
        }
    }
}
