package io.wagate.gateway.routing.internal;

import io.netty.handler.codec.http.HttpHeaders;
import io.wagate.gateway.identity.InternalIdentityHeaders;
import io.wagate.gateway.security.ClientAddressHeaders;
import io.wagate.support.web.RequestIds;
import java.util.List;
import java.util.Locale;
import org.springframework.web.server.ServerWebExchange;

/**
 * The headers of the request to a service, written in one pass straight into the outgoing request: hop-by-hop
 * headers, {@code Host}, the client's proxy headers and its identity and API key headers are left out; the internal
 * identity, the request id and {@code X-Forwarded-For/Proto/Host} are added. A {@code Content-Length} that came with
 * a {@code Transfer-Encoding} is left out too (the body is then sent chunked), so the two can never disagree on where
 * the body ends.
 */
public final class ServiceRequestHeaders {

    private final InternalIdentityHeaders identity;
    private final ClientAddressHeaders addresses;

    public ServiceRequestHeaders(InternalIdentityHeaders identity, ClientAddressHeaders addresses) {
        this.identity = identity;
        this.addresses = addresses;
    }

    /**
     * Writes the headers of the exchange's request into {@code outgoing}, replacing any value the HTTP client put
     * there for the same name (its defaults for {@code Accept} and {@code User-Agent}); the client's own
     * {@code Host}, for the service's address, stays.
     */
    public void writeTo(HttpHeaders outgoing, ServerWebExchange exchange) {
        org.springframework.http.HttpHeaders incoming = exchange.getRequest().getHeaders();
        HopByHopHeaders hopByHop = HopByHopHeaders.of(incoming.getValuesAsList("Connection"));
        boolean chunked = incoming.containsHeader("Transfer-Encoding");
        incoming.forEach((name, values) -> {
            String lowerCaseName = name.toLowerCase(Locale.ROOT);
            if (forwarded(lowerCaseName, values, hopByHop, chunked)) {
                outgoing.set(name, values);
            }
        });
        identity.addTo(outgoing, exchange);
        String requestId = RequestIds.of(exchange);
        if (requestId != null) {
            outgoing.set(RequestIds.HEADER, requestId);
        }
        addresses.addTo(outgoing, exchange);
    }

    private boolean forwarded(String lowerCaseName, List<String> values, HopByHopHeaders hopByHop, boolean chunked) {
        return !lowerCaseName.equals("host") && !hopByHop.contains(lowerCaseName)
                && !ClientAddressHeaders.drops(lowerCaseName) && !identity.drops(lowerCaseName, values)
                && !(chunked && lowerCaseName.equals("content-length"));
    }
}
