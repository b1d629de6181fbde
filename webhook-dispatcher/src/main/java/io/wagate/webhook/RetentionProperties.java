package io.wagate.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long webhook data is kept ({@code wagate.webhooks.retention.*}).
 *
 * @param attempts rows of the attempt log
 * @param payloads encrypted event bodies kept for replay (they may hold message content: keep it short)
 * @param topics {@code retention.ms} of the {@code webhooks.*} topics, created with it; longer than the longest
 *     retry delay, so a waiting job is never deleted before it falls due
 * @param housekeepingInterval how often old rows are deleted and the endpoint gauges refreshed
 */
@ConfigurationProperties("wagate.webhooks.retention")
public record RetentionProperties(
        @DefaultValue("30d") Duration attempts,
        @DefaultValue("7d") Duration payloads,
        @DefaultValue("2d") Duration topics,
        @DefaultValue("1h") Duration housekeepingInterval) {
}
