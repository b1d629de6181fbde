/**
 * API key authentication: {@link io.wagate.gateway.apikey.ApiKeyVerification} turns a presented key into an
 * {@link io.wagate.gateway.apikey.ApiKeyGrant} through auth-service's introspection, cached in Redis for at most a
 * minute and evicted at once when auth-service publishes {@code ApiKeyRevoked}.
 */
@NullMarked
package io.wagate.gateway.apikey;

import org.jspecify.annotations.NullMarked;
