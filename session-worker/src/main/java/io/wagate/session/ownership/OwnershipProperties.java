package io.wagate.session.ownership;

import io.wagate.contracts.Topics;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param adoptionSpread the connects of newly assigned instances are spread at random over this window, so that a
 *     rebalance does not open thousands of sockets (and handshakes) in the same second
 * @param adoptionConcurrency at most this many adopted sessions of this worker are connecting at the same time (from
 *     the start of a connect until it is connected, shows a QR code, fails or waits for a lease)
 * @param adoptionAttemptTimeout an adopted connect that has not settled after this long frees its slot anyway
 * @param commandsTopic the session commands topic; another name lets several worker groups share one broker
 * @param consumerGroup the workers' consumer group on the commands topic
 */
@ConfigurationProperties("wagate.sessions.ownership")
public record OwnershipProperties(
        @DefaultValue("10s") Duration adoptionSpread,
        @DefaultValue("50") int adoptionConcurrency,
        @DefaultValue("30s") Duration adoptionAttemptTimeout,
        @DefaultValue(Topics.SESSION_COMMANDS) String commandsTopic,
        @DefaultValue("session-worker") String consumerGroup) {

    public static final String COMMANDS_TOPIC = "wagate.sessions.ownership.commands-topic";
    public static final String CONSUMER_GROUP = "wagate.sessions.ownership.consumer-group";

    public OwnershipProperties {
        if (adoptionConcurrency < 1) {
            throw new IllegalArgumentException("wagate.sessions.ownership.adoption-concurrency must be at least 1");
        }
    }
}
