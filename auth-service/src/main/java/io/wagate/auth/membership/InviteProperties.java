package io.wagate.auth.membership;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Invites.
 *
 * @param ttl how long an invite link works
 * @param linkBase the dashboard page that accepts invites; the token is appended as {@code ?token=}
 */
@ConfigurationProperties("wagate.auth.invites")
public record InviteProperties(@DefaultValue("7d") Duration ttl,
        @DefaultValue("http://localhost:8080/invite") String linkBase) {
}
