package io.wagate.session.ownership;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param adoptionSpread the connects of newly assigned instances are spread at random over this window, so that a
 *     rebalance does not open thousands of sockets (and handshakes) in the same second
 */
@ConfigurationProperties("wagate.sessions.ownership")
public record OwnershipProperties(@DefaultValue("10s") Duration adoptionSpread) {
}
