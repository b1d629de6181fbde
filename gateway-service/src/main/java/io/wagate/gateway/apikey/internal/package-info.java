/**
 * API key internals: the HTTP client of auth-service's introspection endpoint, the Redis cache of its answers with
 * the key-id index that revocations evict through, and the Kafka listener for {@code ApiKeyRevoked}.
 */
@NullMarked
package io.wagate.gateway.apikey.internal;

import org.jspecify.annotations.NullMarked;
