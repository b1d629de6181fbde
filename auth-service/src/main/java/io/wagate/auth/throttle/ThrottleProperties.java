package io.wagate.auth.throttle;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login throttling.
 *
 * @param accountThreshold failures of one account (email) before it is locked
 * @param addressThreshold failures from one client address before it is locked (higher: offices share addresses)
 * @param baseLockout the first lock; each further failure past the threshold doubles it
 * @param maxLockout the cap of the doubling
 * @param failureWindow how long failures are remembered without a new one
 */
@ConfigurationProperties("wagate.auth.throttle")
public record ThrottleProperties(
        @DefaultValue("5") int accountThreshold,
        @DefaultValue("20") int addressThreshold,
        @DefaultValue("1m") Duration baseLockout,
        @DefaultValue("1h") Duration maxLockout,
        @DefaultValue("24h") Duration failureWindow) {
}
