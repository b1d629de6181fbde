package io.wagate.support.web;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * First filter of every request: fixes the request id, echoes it to the caller and puts it in the Reactor context,
 * from where Reactor's {@code handle} and {@code tap} operators copy it into the logging MDC on whatever thread they
 * run ({@code spring.reactor.context-propagation=limited}); other request-path log lines name it themselves
 * ({@link RequestIds#onLogLine}).
 */
public final class RequestIdWebFilter implements WebFilter, Ordered {

    private final boolean forwardOnRequest;

    /**
     * @param forwardOnRequest whether to add a generated id to the request's own headers, for code that passes the
     *     request on as it is; a proxy that builds its outgoing headers itself adds it there instead, and saves
     *     copying the request
     */
    public RequestIdWebFilter(boolean forwardOnRequest) {
        this.forwardOnRequest = forwardOnRequest;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        @Nullable String incoming = RequestIds.acceptable(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
        String id = incoming != null ? incoming : RequestIds.generate();
        exchange.getAttributes().put(RequestIds.ATTRIBUTE, id);
        // Set again just before the response is committed: a proxied response (the gateway) brings the service's
        // copy of the header, and the caller must see exactly one.
        exchange.getResponse().getHeaders().set(RequestIds.HEADER, id);
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(RequestIds.HEADER, id);
            return Mono.empty();
        });
        ServerWebExchange forwarded = incoming != null || !forwardOnRequest ? exchange : exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(RequestIds.HEADER, id)))
                .build();
        return chain.filter(forwarded).contextWrite(Context.of(RequestIds.CONTEXT_KEY, id));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** A constant: Spring's filter chain names every request's checkpoint after it. */
    @Override
    public String toString() {
        return "RequestIdWebFilter";
    }
}
