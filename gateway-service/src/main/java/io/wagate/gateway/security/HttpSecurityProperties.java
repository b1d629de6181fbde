package io.wagate.gateway.security;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's HTTP edge: CORS, security headers, body size and client addresses.
 *
 * @param corsAllowedOrigins origins of the dashboard that browsers may call the API from (exact origins, no
 *     wildcards: credentials are allowed)
 * @param corsMaxAge how long browsers may cache a preflight answer
 * @param maxRequestBody largest request body the gateway forwards; larger ones answer 413
 * @param contentSecurityPolicy the {@code Content-Security-Policy} of API answers: JSON is never a document to render
 * @param hstsMaxAge {@code max-age} of {@code Strict-Transport-Security}, sent on HTTPS requests only
 * @param trustedProxyHops how many proxies in front of the gateway append to {@code X-Forwarded-For} (an ingress:
 *     1); 0 trusts nobody and takes the TCP peer as the client address
 */
@Validated
@ConfigurationProperties("wagate.gateway.http")
public record HttpSecurityProperties(
        @DefaultValue("http://localhost:3000") List<String> corsAllowedOrigins,
        @DefaultValue("1h") Duration corsMaxAge,
        @DefaultValue("1MB") DataSize maxRequestBody,
        @DefaultValue("default-src 'none'; frame-ancestors 'none'; base-uri 'none'") String contentSecurityPolicy,
        @DefaultValue("365d") Duration hstsMaxAge,
        @DefaultValue("0") @Min(0) int trustedProxyHops) {
}
