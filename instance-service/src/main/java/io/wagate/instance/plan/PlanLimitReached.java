package io.wagate.instance.plan;

import io.wagate.support.web.ApiProblem;
import io.wagate.support.web.ProblemTypes;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatusCode;

/** 403: the tenant's plan allows no more instances (also after a downgrade below the current count). */
public final class PlanLimitReached extends ApiProblem {

    public static final URI TYPE = ProblemTypes.of("plan-limit-reached");

    public PlanLimitReached(TenantPlan plan, long current) {
        super(HttpStatusCode.valueOf(403), TYPE, "Plan limit reached",
                "The " + plan.plan() + " plan allows " + plan.limits().maxInstances() + " instances and the tenant has "
                        + current,
                Map.of("limit", plan.limits().maxInstances(), "limitName", "maxInstances", "plan", plan.plan(),
                        "current", current));
    }
}
