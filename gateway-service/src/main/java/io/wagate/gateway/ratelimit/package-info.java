/**
 * Rate limits by plan: token buckets per tenant and per API key or user in Redis (one atomic Lua script), per
 * client address for the public endpoints, with a deliberate policy per {@link io.wagate.gateway.ratelimit.RouteClass}
 * for when Redis is down. Answers carry the IETF draft {@code RateLimit-*} headers.
 */
@NullMarked
package io.wagate.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
