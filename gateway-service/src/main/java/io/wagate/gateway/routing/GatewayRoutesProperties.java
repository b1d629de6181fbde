package io.wagate.gateway.routing;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Base URLs of the services behind the gateway.
 *
 * @param auth auth-service: {@code /api/auth/**}
 * @param instances instance-service: {@code /api/instances/**} and {@code /api/messages/**}
 * @param webhooks webhook-dispatcher: {@code /api/webhooks/**}
 * @param billing billing-service: {@code /api/billing/**}
 */
@ConfigurationProperties("wagate.gateway.routes")
public record GatewayRoutesProperties(
        @DefaultValue("http://localhost:8081") URI auth,
        @DefaultValue("http://localhost:8082") URI instances,
        @DefaultValue("http://localhost:8084") URI webhooks,
        @DefaultValue("http://localhost:8085") URI billing) {
}
