package io.wagate.billing.plan;

import io.wagate.support.identity.InternalIdentity;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/billing/plans}: the catalogue, for any authenticated caller. */
@RestController
class PlansController {

    /** The answer: plans, smallest first. */
    record PlanList(List<Plan> items) {
    }

    private final PlanCatalogue catalogue;

    PlansController(PlanCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/api/billing/plans")
    PlanList plans(InternalIdentity identity) {
        return new PlanList(catalogue.all());
    }
}
