package io.wagate.gateway.security;

import java.net.InetSocketAddress;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * The client's address as far as it can be trusted: the TCP peer, or, behind a known number of proxies, the entry
 * of {@code X-Forwarded-For} that the outermost trusted proxy wrote. Entries a client wrote itself are never used,
 * since anyone can send that header.
 */
public final class ClientAddresses {

    private final RemoteAddressResolver resolver;
    private final boolean behindProxies;

    public ClientAddresses(int trustedProxyHops) {
        this.behindProxies = trustedProxyHops > 0;
        this.resolver = trustedProxyHops > 0 ? XForwardedRemoteAddressResolver.maxTrustedIndex(trustedProxyHops)
                : new RemoteAddressResolver() { };
    }

    /**
     * Whether the client talked HTTPS to the platform: the gateway's own scheme, or, behind trusted proxies (which
     * terminate TLS), the {@code X-Forwarded-Proto} they set.
     */
    public boolean isHttps(ServerWebExchange exchange) {
        if ("https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme())
                || exchange.getRequest().getSslInfo() != null) {
            return true;
        }
        return behindProxies && "https".equalsIgnoreCase(
                exchange.getRequest().getHeaders().getFirst("X-Forwarded-Proto"));
    }

    public String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress address = resolver.resolve(exchange);
        if (address == null) {
            return "unknown";
        }
        return address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
    }
}
