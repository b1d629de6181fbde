package io.wagate.gateway.plan;

import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;

/**
 * A tenant's plan as far as the gateway cares: its name (forwarded in the internal token) and its API rate limit.
 *
 * @param name plan name ({@code basic}, {@code pro}, {@code max}, ...)
 * @param requestsPerMinute API requests the tenant may make per minute, over all its keys and users
 */
public record TenantPlan(String name, int requestsPerMinute) {

    private static final String ATTRIBUTE = TenantPlan.class.getName();

    /** The plan the rate limiter looked up for this request, or null (anonymous request). */
    public static @Nullable TenantPlan of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    public void attachTo(ServerWebExchange exchange) {
        exchange.getAttributes().put(ATTRIBUTE, this);
    }
}
