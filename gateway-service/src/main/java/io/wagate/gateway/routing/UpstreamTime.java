package io.wagate.gateway.routing;

import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;

/**
 * How long the call to the service took, from sending the request to its answer's headers, so that the access log
 * can tell the gateway's own share of a request's time from the service's.
 */
public final class UpstreamTime {

    private static final String ATTRIBUTE = UpstreamTime.class.getName();

    private UpstreamTime() {
    }

    static void record(ServerWebExchange exchange, long nanos) {
        exchange.getAttributes().put(ATTRIBUTE, nanos);
    }

    /** Nanoseconds spent in the call to the service, or null when the request was not routed to one. */
    public static @Nullable Long of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }
}
