package io.wagate.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of webhook delivery ({@code wagate.webhooks.*}).
 *
 * @param secretKey Base64 of 32 bytes: the AES-256 key that encrypts endpoint secrets at rest; required outside
 *     {@code wagate.profile=local}
 * @param allowedInsecureHosts hosts that may be called over plain http (tests, local sinks)
 * @param allowedPrivateHosts hosts exempt from the SSRF guard (they may resolve to private or loopback addresses)
 * @param retrySchedule the delay before each attempt; the first is the first attempt (normally immediate), the
 *     number of entries is the number of attempts
 * @param retryJitter random spread of each delay, as a fraction of it (0.1 = plus or minus 10 %)
 * @param requestTimeout how long one attempt may take in total
 * @param connectTimeout how long connecting may take
 * @param disableAfter how long an endpoint may fail without a single success before it is disabled
 * @param workersPerAttempt consumers (threads) per attempt topic; jobs are keyed by endpoint, so a slow endpoint
 *     holds back only the endpoints that share its partition
 */
@ConfigurationProperties("wagate.webhooks")
public record WebhookProperties(
        @Nullable String secretKey,
        @DefaultValue List<String> allowedInsecureHosts,
        @DefaultValue List<String> allowedPrivateHosts,
        @DefaultValue({"0s", "5s", "5m", "30m", "2h", "5h", "10h", "10h"}) List<Duration> retrySchedule,
        @DefaultValue("0.1") double retryJitter,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("5d") Duration disableAfter,
        @DefaultValue("2") int workersPerAttempt) {

    public WebhookProperties {
        allowedInsecureHosts = lowerCase(allowedInsecureHosts);
        allowedPrivateHosts = lowerCase(allowedPrivateHosts);
        retrySchedule = List.copyOf(retrySchedule);
        if (retrySchedule.isEmpty()) {
            throw new IllegalArgumentException("wagate.webhooks.retry-schedule needs at least one entry");
        }
        if (workersPerAttempt < 1) {
            throw new IllegalArgumentException("wagate.webhooks.workers-per-attempt must be at least 1");
        }
        if (retryJitter < 0 || retryJitter >= 1) {
            throw new IllegalArgumentException("wagate.webhooks.retry-jitter must be in [0, 1)");
        }
    }

    public boolean insecureAllowed(String host) {
        return allowedInsecureHosts.contains(normalize(host));
    }

    public boolean privateAllowed(String host) {
        return allowedPrivateHosts.contains(normalize(host));
    }

    /** Host names compare case-insensitively; IPv6 literals with or without brackets. */
    private static String normalize(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.startsWith("[") && lower.endsWith("]") ? lower.substring(1, lower.length() - 1) : lower;
    }

    private static List<String> lowerCase(List<String> hosts) {
        return hosts.stream().map(WebhookProperties::normalize).toList();
    }
}
