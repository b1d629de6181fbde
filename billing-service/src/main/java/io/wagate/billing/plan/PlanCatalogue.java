package io.wagate.billing.plan;

import io.wagate.contracts.platform.PlanLimits;
import io.wagate.support.web.ApiProblem;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The configured plans, checked once at start-up so that a bad catalogue stops the service instead of a request. */
@Component
public class PlanCatalogue {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,30}");

    private final Map<String, Plan> plans;
    private final Plan defaultPlan;

    PlanCatalogue(BillingPlansProperties properties) {
        if (properties.plans() == null || properties.plans().isEmpty()) {
            throw new IllegalStateException("wagate.billing.plans is empty: configure at least one plan");
        }
        for (String id : properties.plans().keySet()) {
            if (!ID.matcher(id).matches()) {
                throw new IllegalStateException("Plan id '" + id + "' must be a lowercase slug");
            }
        }
        this.plans = properties.plans().entrySet().stream()
                .map(entry -> new Plan(entry.getKey(), entry.getValue().name(), new PlanLimits(
                        entry.getValue().maxInstances(), entry.getValue().requestsPerMinute(),
                        entry.getValue().dailyMessageQuota())))
                .collect(Collectors.toUnmodifiableMap(Plan::id, plan -> plan));
        this.defaultPlan = Optional.ofNullable(plans.get(properties.defaultPlan())).orElseThrow(
                () -> new IllegalStateException("wagate.billing.default-plan '" + properties.defaultPlan()
                        + "' is not in wagate.billing.plans"));
    }

    /** All plans, smallest first. */
    public List<Plan> all() {
        return plans.values().stream()
                .sorted(Comparator.comparingInt((Plan plan) -> plan.limits().maxInstances()).thenComparing(Plan::id))
                .toList();
    }

    public Optional<Plan> find(String id) {
        return Optional.ofNullable(plans.get(id));
    }

    /** The plan, or a 400 problem naming the known plans. */
    public Plan require(String id) {
        return find(id).orElseThrow(() -> ApiProblem.invalid("plan must be one of "
                + all().stream().map(Plan::id).toList()));
    }

    /**
     * The plan a stored subscription refers to; a plan removed from the configuration falls back to the default so
     * that its tenants keep working.
     */
    public Plan resolve(String id) {
        return find(id).orElse(defaultPlan);
    }

    public Plan defaultPlan() {
        return defaultPlan;
    }
}
