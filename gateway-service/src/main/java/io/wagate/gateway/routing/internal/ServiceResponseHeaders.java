package io.wagate.gateway.routing.internal;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;

/** Copies a service's answer headers to the gateway's answer, leaving the hop-by-hop ones out. */
final class ServiceResponseHeaders {

    private ServiceResponseHeaders() {
    }

    /** Adds (never replaces: what the gateway's filters set before stays) the headers to {@code answer}. */
    static void copy(io.netty.handler.codec.http.HttpHeaders received, HttpHeaders answer) {
        HopByHopHeaders hopByHop = HopByHopHeaders.of(received.getAll("Connection"));
        Iterator<Map.Entry<String, String>> headers = received.iteratorAsString();
        while (headers.hasNext()) {
            Map.Entry<String, String> header = headers.next();
            if (!hopByHop.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                answer.add(header.getKey(), header.getValue());
            }
        }
    }
}
