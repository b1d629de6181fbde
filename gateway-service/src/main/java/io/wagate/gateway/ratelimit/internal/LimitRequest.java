package io.wagate.gateway.ratelimit.internal;

import io.wagate.gateway.ratelimit.RouteClass;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The buckets one request draws from.
 *
 * @param routeClass public or API
 * @param tenantId the tenant (its bucket is limited by its plan); null for anonymous requests
 * @param callerKey the caller's own bucket: API key, user or client address
 */
public record LimitRequest(RouteClass routeClass, @Nullable UUID tenantId, String callerKey) {
}
