package io.wagate.gateway.authentication;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway authenticates callers. auth-service's base URL is {@code wagate.gateway.routes.auth}.
 *
 * @param issuer the {@code iss} every user access token must carry
 * @param clockSkew tolerance for {@code exp} and {@code nbf}, for clocks of auth-service and gateway that drift apart
 * @param jwksPath where auth-service publishes its signing keys
 * @param jwksMaxAge how long a fetched key set is used before it is fetched again (so retired keys stop working)
 * @param jwksMinRefetchInterval least time between two fetches caused by an unknown {@code kid}: a rotated key is
 *     picked up at once, while tokens with made-up key ids cannot make the gateway hammer auth-service
 * @param jwksFetchTimeout how long a key set fetch may take
 * @param publicEndpoints {@code METHOD /path} patterns that anonymous callers may use (sign-up, login, token
 *     refresh); they are rate-limited per client address instead of per tenant
 */
@Validated
@ConfigurationProperties("wagate.gateway.authentication")
public record AuthenticationProperties(
        @DefaultValue("wagate-auth") @NotBlank String issuer,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue("/api/auth/jwks") String jwksPath,
        @DefaultValue("10m") Duration jwksMaxAge,
        @DefaultValue("30s") Duration jwksMinRefetchInterval,
        @DefaultValue("2s") Duration jwksFetchTimeout,
        @DefaultValue({"POST /api/auth/register", "POST /api/auth/login", "POST /api/auth/refresh",
                "POST /api/auth/logout", "POST /api/auth/invites/accept", "GET /api/auth/jwks"})
        List<String> publicEndpoints) {
}
