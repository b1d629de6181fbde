package io.wagate.instance.logs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connection log retention and paging.
 *
 * @param retention lines older than this are purged
 * @param maxLinesPerInstance only the newest lines of an instance are kept beyond this
 * @param purgeInterval how often the purge runs
 * @param defaultLimit lines per request when the caller names no limit
 * @param maxLimit the largest limit a caller may ask for
 */
@ConfigurationProperties("wagate.instances.logs")
public record LogsProperties(
        @DefaultValue("7d") Duration retention,
        @DefaultValue("5000") int maxLinesPerInstance,
        @DefaultValue("1h") Duration purgeInterval,
        @DefaultValue("100") int defaultLimit,
        @DefaultValue("1000") int maxLimit) {
}
