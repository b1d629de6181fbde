package io.wagate.gateway.security;

import java.util.Locale;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Rewrites the proxy headers of every forwarded request: whatever {@code Forwarded}, {@code X-Forwarded-*} or
 * {@code X-Real-IP} the client sent is dropped, and {@code X-Forwarded-For/Proto/Host} are set from what the gateway
 * saw. Services can then log and limit by address without being lied to. Runs last among the header filters.
 */
public final class ClientAddressHeadersFilter implements HttpHeadersFilter, Ordered {

    private final ClientAddresses addresses;

    public ClientAddressHeadersFilter(ClientAddresses addresses) {
        this.addresses = addresses;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        input.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("x-forwarded-") && !lower.equals("forwarded") && !lower.equals("x-real-ip")) {
                headers.addAll(name, values);
            }
        });
        headers.set("X-Forwarded-For", addresses.clientAddress(exchange));
        headers.set("X-Forwarded-Proto", addresses.isHttps(exchange) ? "https" : "http");
        String host = exchange.getRequest().getHeaders().getFirst(HttpHeaders.HOST);
        if (host != null) {
            headers.set("X-Forwarded-Host", host);
        }
        return headers;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
