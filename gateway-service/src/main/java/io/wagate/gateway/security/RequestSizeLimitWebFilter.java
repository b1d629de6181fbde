package io.wagate.gateway.security;

import io.wagate.gateway.GatewayFilterOrder;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses bodies larger than the limit with 413 problem+json: at once when {@code Content-Length} says so, and for
 * chunked bodies as soon as the streamed bytes pass the limit (the gateway streams bodies, it never buffers them).
 */
public final class RequestSizeLimitWebFilter implements WebFilter, Ordered {

    private final long maxBytes;

    public RequestSizeLimitWebFilter(HttpSecurityProperties properties) {
        this.maxBytes = properties.maxRequestBody().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            return Mono.error(new PayloadTooLargeException(new IllegalStateException(
                    "Content-Length " + declared + " exceeds " + maxBytes)));
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        AtomicLong seen = new AtomicLong();
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        DataBufferUtils.release(buffer);
                        sink.error(new PayloadTooLargeException(new IllegalStateException("body exceeds " + maxBytes)));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    @Override
    public int getOrder() {
        return GatewayFilterOrder.REQUEST_SIZE;
    }

    /** A constant: Spring's filter chain names every request's checkpoint after it. */
    @Override
    public String toString() {
        return "RequestSizeLimitWebFilter";
    }
}
