package io.wagate.support.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbox relay settings.
 *
 * @param relayEnabled run the relay in this process (every replica may: only one relays at a time)
 * @param pollInterval how often the relay looks for rows when no commit nudged it
 * @param batchSize rows published per transaction
 * @param retention how long published rows are kept for inspection before deletion
 * @param deduplicationRetention how long consumers remember processed event ids (longer than Kafka's retention)
 * @param housekeepingInterval how often old rows are deleted and the backlog gauges refreshed
 */
@ConfigurationProperties("wagate.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("200") int batchSize,
        @DefaultValue("3d") Duration retention,
        @DefaultValue("14d") Duration deduplicationRetention,
        @DefaultValue("30s") Duration housekeepingInterval) {
}
