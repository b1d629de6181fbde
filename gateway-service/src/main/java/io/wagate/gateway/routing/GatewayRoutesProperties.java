package io.wagate.gateway.routing;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Base URLs of the services behind the gateway and how long the gateway waits for them.
 *
 * @param auth auth-service: {@code /api/auth/**}; also where the gateway fetches the JWKS and introspects API keys
 * @param instances instance-service: {@code /api/instances/**} and {@code /api/messages/**}
 * @param webhooks webhook-dispatcher: {@code /api/webhooks/**}
 * @param billing billing-service: {@code /api/billing/**}
 * @param timeouts connect and response timeouts, per service
 */
@ConfigurationProperties("wagate.gateway.routes")
public record GatewayRoutesProperties(
        @DefaultValue("http://localhost:8081") URI auth,
        @DefaultValue("http://localhost:8082") URI instances,
        @DefaultValue("http://localhost:8084") URI webhooks,
        @DefaultValue("http://localhost:8085") URI billing,
        @DefaultValue Timeouts timeouts) {

    /**
     * Timeouts of the calls to the services. A timed-out call answers 504 and counts as a failure of the service's
     * circuit breaker.
     *
     * @param connect TCP connect timeout for every service; short, since services run next to the gateway
     * @param auth time to the response headers from auth-service (password hashing makes logins slow-ish)
     * @param instances time to the response headers from instance-service (bulk submissions are accepted
     *     asynchronously, so nothing there should take long)
     * @param webhooks time to the response headers from webhook-dispatcher
     * @param billing time to the response headers from billing-service
     */
    public record Timeouts(
            @DefaultValue("1s") Duration connect,
            @DefaultValue("5s") Duration auth,
            @DefaultValue("10s") Duration instances,
            @DefaultValue("10s") Duration webhooks,
            @DefaultValue("5s") Duration billing) {
    }
}
