package io.wagate.gateway.ratelimit;

import io.wagate.gateway.plan.TenantPlan;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * The outcome of one limit check, in the terms of the IETF RateLimit header fields draft: the limit of the most
 * restrictive bucket, what is left of it, and the seconds until it is full again.
 *
 * @param allowed whether the request may pass
 * @param limit requests per minute of the most restrictive bucket
 * @param remaining whole requests left in it
 * @param resetSeconds seconds until it is full again
 * @param retryAfterSeconds for a refused request, seconds until one request fits again
 * @param plan the tenant's plan (null for anonymous requests)
 */
public record RateLimitDecision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds,
        @Nullable TenantPlan plan) {

    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RESET = "RateLimit-Reset";

    public void writeTo(HttpHeaders headers) {
        headers.set(LIMIT, Long.toString(limit));
        headers.set(REMAINING, Long.toString(Math.max(0, remaining)));
        headers.set(RESET, Long.toString(Math.max(0, resetSeconds)));
        if (!allowed) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfterSeconds)));
        }
    }
}
