package io.wagate.auth.token;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token lifetimes.
 *
 * @param issuer the {@code iss} of access tokens; the gateway requires it
 * @param accessTokenTtl short, because an access token cannot be revoked before it expires
 * @param refreshTokenTtl how long a login lasts without activity (each refresh starts a new token with this life)
 */
@ConfigurationProperties("wagate.auth.tokens")
public record TokenProperties(
        @DefaultValue("wagate-auth") String issuer,
        @DefaultValue("10m") Duration accessTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl) {
}
