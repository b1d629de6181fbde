package io.wagate.session.lease;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param workerId this worker's name as a lease owner; blank picks the host name plus a random suffix, so that a
 *     restarted worker never mistakes an older process's lease for its own
 * @param ttl how long a lease lives without renewal: the longest a crashed worker keeps its sessions from the next
 *     owner
 * @param renewInterval how often a held lease is renewed; several renewals fit in one TTL, so one slow renewal does
 *     not lose the lease
 * @param acquireTimeout how long a session keeps trying to acquire a lease another worker holds (that worker may be
 *     shutting down, or dead until its lease expires) before it gives up; longer than the TTL
 * @param acquireRetryDelay the first wait between acquisition attempts; it doubles up to the TTL
 */
@ConfigurationProperties("wagate.sessions.lease")
public record LeaseProperties(
        @DefaultValue("") String workerId,
        @DefaultValue("15s") Duration ttl,
        @DefaultValue("5s") Duration renewInterval,
        @DefaultValue("45s") Duration acquireTimeout,
        @DefaultValue("250ms") Duration acquireRetryDelay) {

    public LeaseProperties {
        if (renewInterval.compareTo(ttl) >= 0) {
            throw new IllegalArgumentException("wagate.sessions.lease.renew-interval must be shorter than the ttl");
        }
        if (acquireTimeout.compareTo(ttl) <= 0) {
            // Shorter, and the sessions of a crashed worker would be given up before its lease expires.
            throw new IllegalArgumentException("wagate.sessions.lease.acquire-timeout must be longer than the ttl");
        }
        if (workerId.contains("|")) {
            throw new IllegalArgumentException("wagate.sessions.lease.worker-id must not contain '|'");
        }
    }
}
