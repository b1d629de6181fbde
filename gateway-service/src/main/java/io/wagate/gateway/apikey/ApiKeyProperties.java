package io.wagate.gateway.apikey;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How API keys are checked.
 *
 * @param introspectionPath auth-service's introspection endpoint (internal, not routed publicly)
 * @param introspectionTimeout how long one introspection may take before the request answers 503
 * @param cacheTtl how long an active key's introspection is reused from Redis; at most 60 s, so that a revocation
 *     whose event got lost still takes effect within a minute
 * @param negativeCacheTtl how long an unknown or revoked key's answer is reused, so that a client retrying with a
 *     bad key does not hit auth-service on every request
 * @param localCacheTtl how long an active answer is reused from this replica's memory (0 turns it off); under a
 *     second, because only one replica hears a revocation event and the others rely on this running out
 */
@ConfigurationProperties("wagate.gateway.api-keys")
public record ApiKeyProperties(
        @DefaultValue("/internal/auth/api-keys/introspect") String introspectionPath,
        @DefaultValue("2s") Duration introspectionTimeout,
        @DefaultValue("60s") Duration cacheTtl,
        @DefaultValue("10s") Duration negativeCacheTtl,
        @DefaultValue("500ms") Duration localCacheTtl) {

    static final Duration MAX_CACHE_TTL = Duration.ofSeconds(60);

    public ApiKeyProperties {
        if (cacheTtl.compareTo(MAX_CACHE_TTL) > 0 || cacheTtl.isNegative()) {
            throw new IllegalArgumentException("wagate.gateway.api-keys.cache-ttl must be between 0 and 60s, not " + cacheTtl);
        }
        if (negativeCacheTtl.compareTo(cacheTtl) > 0 || negativeCacheTtl.isNegative()) {
            throw new IllegalArgumentException("wagate.gateway.api-keys.negative-cache-ttl must be between 0 and cache-ttl");
        }
        if (localCacheTtl.compareTo(Duration.ofSeconds(1)) >= 0 || localCacheTtl.isNegative()) {
            throw new IllegalArgumentException("wagate.gateway.api-keys.local-cache-ttl must be at least 0 and under 1s");
        }
    }
}
