/**
 * Rate limit internals: the Redis token-bucket script, the in-memory fallback used while Redis is down, and the
 * resolution of a request to its buckets.
 */
@NullMarked
package io.wagate.gateway.ratelimit.internal;

import org.jspecify.annotations.NullMarked;
