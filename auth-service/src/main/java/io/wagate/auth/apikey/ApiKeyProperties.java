package io.wagate.auth.apikey;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API-key settings.
 *
 * @param lastUsedFlushInterval how often buffered last-use times are written (the introspection path never writes)
 * @param retirementCheckInterval how often keys whose rotation overlap ended are revoked and announced
 * @param maxOverlap the longest rotation overlap a caller may ask for
 */
@ConfigurationProperties("wagate.auth.api-keys")
public record ApiKeyProperties(
        @DefaultValue("10s") Duration lastUsedFlushInterval,
        @DefaultValue("5s") Duration retirementCheckInterval,
        @DefaultValue("7d") Duration maxOverlap) {
}
