package io.wagate.instance.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live stream settings.
 *
 * @param heartbeat interval of keep-alive messages, below common proxy idle timeouts
 * @param bufferSize events kept per tenant for {@code Last-Event-ID} replay
 * @param bufferTtl how long an idle tenant's buffer survives
 */
@ConfigurationProperties("wagate.instances.live")
public record LiveProperties(
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("500") int bufferSize,
        @DefaultValue("1h") Duration bufferTtl) {
}
