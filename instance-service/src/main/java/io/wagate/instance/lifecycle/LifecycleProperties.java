package io.wagate.instance.lifecycle;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lifecycle command settings.
 *
 * @param idempotencyWindow how long an Idempotency-Key's first answer is replayed (and kept)
 */
@ConfigurationProperties("wagate.instances.lifecycle")
public record LifecycleProperties(@DefaultValue("24h") Duration idempotencyWindow) {
}
