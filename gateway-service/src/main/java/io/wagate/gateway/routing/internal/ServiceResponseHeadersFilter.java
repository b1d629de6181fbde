package io.wagate.gateway.routing.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/** Leaves the hop-by-hop headers out of a service's answer (what Spring Cloud Gateway's own filter did). */
public final class ServiceResponseHeadersFilter implements HttpHeadersFilter, Ordered {

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HopByHopHeaders hopByHop = HopByHopHeaders.of(input);
        HttpHeaders headers = new HttpHeaders();
        for (Map.Entry<String, List<String>> header : input.headerSet()) {
            if (!hopByHop.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                headers.addAll(header.getKey(), header.getValue());
            }
        }
        return headers;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.RESPONSE;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }
}
