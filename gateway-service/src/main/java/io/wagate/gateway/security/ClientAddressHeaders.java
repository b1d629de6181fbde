package io.wagate.gateway.security;

import io.netty.handler.codec.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * The proxy headers of every forwarded request: whatever {@code Forwarded}, {@code X-Forwarded-*} or
 * {@code X-Real-IP} the client sent is dropped, and {@code X-Forwarded-For/Proto/Host} are set from what the gateway
 * saw. Services can then log and limit by address without being lied to.
 */
public final class ClientAddressHeaders {

    private final ClientAddresses addresses;

    public ClientAddressHeaders(ClientAddresses addresses) {
        this.addresses = addresses;
    }

    /** Whether a client's header (lower-case name) is a proxy header the gateway replaces. */
    public static boolean drops(String lowerCaseName) {
        return lowerCaseName.startsWith("x-forwarded-") || lowerCaseName.equals("forwarded")
                || lowerCaseName.equals("x-real-ip");
    }

    /** Sets the proxy headers on the request to a service. */
    public void addTo(HttpHeaders headers, ServerWebExchange exchange) {
        headers.set("X-Forwarded-For", addresses.clientAddress(exchange));
        headers.set("X-Forwarded-Proto", addresses.isHttps(exchange) ? "https" : "http");
        String host = exchange.getRequest().getHeaders().getFirst(org.springframework.http.HttpHeaders.HOST);
        if (host != null) {
            headers.set("X-Forwarded-Host", host);
        }
    }
}
