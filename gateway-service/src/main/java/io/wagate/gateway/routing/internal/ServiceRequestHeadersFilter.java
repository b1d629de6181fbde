package io.wagate.gateway.routing.internal;

import io.wagate.gateway.identity.InternalIdentityHeaders;
import io.wagate.gateway.security.ClientAddressHeaders;
import io.wagate.support.web.RequestIds;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Builds the headers of the request to a service in one pass: hop-by-hop headers, the client's proxy headers and
 * its identity and API key headers are left out; the internal identity, the request id and
 * {@code X-Forwarded-For/Proto/Host} are added. It replaces Spring Cloud Gateway's hop-by-hop, {@code Forwarded} and
 * {@code X-Forwarded} removal filters ({@link GatewayHeaderFilters}), each of which copied every header again.
 */
public final class ServiceRequestHeadersFilter implements HttpHeadersFilter, Ordered {

    private final InternalIdentityHeaders identity;
    private final ClientAddressHeaders addresses;

    public ServiceRequestHeadersFilter(InternalIdentityHeaders identity, ClientAddressHeaders addresses) {
        this.identity = identity;
        this.addresses = addresses;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HopByHopHeaders hopByHop = HopByHopHeaders.of(input);
        HttpHeaders headers = new HttpHeaders();
        for (Map.Entry<String, List<String>> header : input.headerSet()) {
            String lowerCaseName = header.getKey().toLowerCase(Locale.ROOT);
            if (!hopByHop.contains(lowerCaseName) && !ClientAddressHeaders.drops(lowerCaseName)
                    && !identity.drops(lowerCaseName, header.getValue())) {
                headers.addAll(header.getKey(), header.getValue());
            }
        }
        identity.addTo(headers, exchange);
        String requestId = RequestIds.of(exchange);
        if (requestId != null) {
            headers.set(RequestIds.HEADER, requestId);
        }
        addresses.addTo(headers, exchange);
        return headers;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
