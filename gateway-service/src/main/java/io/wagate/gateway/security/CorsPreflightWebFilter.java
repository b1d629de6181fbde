package io.wagate.gateway.security;

import io.wagate.gateway.GatewayFilterOrder;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS for the dashboard's origins on {@code /api/**}. It runs before authentication because a browser's preflight
 * carries no credentials; disallowed origins get no CORS headers (and a 403 for a preflight).
 */
public final class CorsPreflightWebFilter implements WebFilter, Ordered {

    private final CorsWebFilter delegate;

    public CorsPreflightWebFilter(HttpSecurityProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.corsAllowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Api-Key", "X-Request-Id",
                "Idempotency-Key"));
        cors.setExposedHeaders(List.of("X-Request-Id", "Location", "Retry-After", "RateLimit-Limit",
                "RateLimit-Remaining", "RateLimit-Reset"));
        cors.setAllowCredentials(true);
        cors.setMaxAge(properties.corsMaxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        this.delegate = new CorsWebFilter(source);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return delegate.filter(exchange, chain);
    }

    @Override
    public int getOrder() {
        return GatewayFilterOrder.CORS;
    }

    /** A constant: Spring's filter chain names every request's checkpoint after it. */
    @Override
    public String toString() {
        return "CorsPreflightWebFilter";
    }
}
