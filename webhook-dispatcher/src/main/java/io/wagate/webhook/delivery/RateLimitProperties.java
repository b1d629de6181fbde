package io.wagate.webhook.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The per-endpoint rate limit ({@code wagate.webhooks.rate-limit.*}).
 *
 * @param perSecond requests per second an endpoint receives at most, across all attempt topics of this replica
 */
@ConfigurationProperties("wagate.webhooks.rate-limit")
public record RateLimitProperties(@DefaultValue("50") int perSecond) {

    public RateLimitProperties {
        if (perSecond < 1) {
            throw new IllegalArgumentException("wagate.webhooks.rate-limit.per-second must be at least 1");
        }
    }
}
