package io.wagate.gateway.security;

import io.wagate.gateway.GatewayFilterOrder;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Security headers on every answer, whether a service, the gateway itself or an error produced it. Set just before
 * the answer is committed, so they win over anything a service sent.
 */
public final class SecurityHeadersWebFilter implements WebFilter, Ordered {

    private final ClientAddresses addresses;
    private final String contentSecurityPolicy;
    private final String strictTransportSecurity;

    public SecurityHeadersWebFilter(HttpSecurityProperties properties, ClientAddresses addresses) {
        this.addresses = addresses;
        this.contentSecurityPolicy = properties.contentSecurityPolicy();
        this.strictTransportSecurity = "max-age=" + properties.hstsMaxAge().toSeconds() + "; includeSubDomains";
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        boolean https = addresses.isHttps(exchange);
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Content-Security-Policy", contentSecurityPolicy);
            headers.set("Cross-Origin-Resource-Policy", "same-site");
            if (https) {
                headers.set("Strict-Transport-Security", strictTransportSecurity);
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return GatewayFilterOrder.SECURITY_HEADERS;
    }

    /** A constant: Spring's filter chain names every request's checkpoint after it. */
    @Override
    public String toString() {
        return "SecurityHeadersWebFilter";
    }
}
