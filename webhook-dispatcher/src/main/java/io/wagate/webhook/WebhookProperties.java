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
 * @param workersPerAttempt consumers (threads) per attempt topic, useful up to its partitions
 * @param maxConcurrencyPerEndpoint requests one endpoint has in flight at most (per replica); further jobs for it
 *     are deferred, so a slow endpoint holds a few requests, never a consumer
 * @param maxQueuedPerEndpoint jobs that wait at most (in memory, uncommitted) for a slot of an endpoint at its cap;
 *     further ones are deferred
 * @param maxQueueWait how long the jobs waiting for an endpoint's slots may be expected to wait, judged by how long
 *     its recent attempts held a slot: a slow endpoint gets a short queue, a fast one a long one; a busy endpoint
 *     that finishes nothing for this long gives its waiting jobs up to be deferred
 * @param busyDelay how long a job deferred because its endpoint was at its cap or rate limit waits before it is
 *     taken up again (the fixed delay of {@code webhooks.deferred})
 * @param maxInFlight jobs one consumer has in flight at most before it stops fetching
 * @param shutdownGrace how long stopping waits for requests in flight; unfinished jobs are not committed and are
 *     delivered again after a restart
 * @param endpointCacheTtl how long deliveries reuse a loaded endpoint and its decrypted secrets; API changes reach
 *     deliveries up to this much later (0 loads them for every delivery)
 * @param maxConnectionsPerHost connections the dispatcher keeps open to one receiver host (host and port) at
 *     most; every endpoint on that host shares them, and requests beyond wait for one up to {@code connectTimeout}
 * @param attemptGroupPrefix prefix of the consumer groups of the attempt topics (two deployments that share a Kafka
 *     cluster need different ones)
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
        @DefaultValue("2") int workersPerAttempt,
        @DefaultValue("4") int maxConcurrencyPerEndpoint,
        @DefaultValue("512") int maxQueuedPerEndpoint,
        @DefaultValue("2s") Duration maxQueueWait,
        @DefaultValue("1s") Duration busyDelay,
        @DefaultValue("1024") int maxInFlight,
        @DefaultValue("10s") Duration shutdownGrace,
        @DefaultValue("512") int maxConnectionsPerHost,
        @DefaultValue("webhook-dispatcher.attempts.") String attemptGroupPrefix,
        @DefaultValue("1s") Duration endpointCacheTtl) {

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
        if (maxConcurrencyPerEndpoint < 1) {
            throw new IllegalArgumentException("wagate.webhooks.max-concurrency-per-endpoint must be at least 1");
        }
        if (maxQueuedPerEndpoint < 0) {
            throw new IllegalArgumentException("wagate.webhooks.max-queued-per-endpoint must not be negative");
        }
        if (maxConnectionsPerHost < 1) {
            throw new IllegalArgumentException("wagate.webhooks.max-connections-per-host must be at least 1");
        }
        if (maxQueueWait.isNegative() || maxQueueWait.isZero()) {
            throw new IllegalArgumentException("wagate.webhooks.max-queue-wait must be positive");
        }
        if (maxInFlight < maxConcurrencyPerEndpoint) {
            throw new IllegalArgumentException("wagate.webhooks.max-in-flight must be at least "
                    + "wagate.webhooks.max-concurrency-per-endpoint");
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
