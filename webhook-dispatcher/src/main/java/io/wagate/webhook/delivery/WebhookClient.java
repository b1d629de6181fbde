package io.wagate.webhook.delivery;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.wagate.webhook.WebhookProperties;
import io.wagate.webhook.ssrf.GuardedAddressResolverGroup;
import io.wagate.webhook.ssrf.SsrfGuard;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * The HTTP client of deliveries: short timeouts, no redirects (a redirect could lead past the SSRF guard), the
 * guarded resolver on every connection, and response bodies discarded unread. Reactor Netty's client is used as is:
 * a delivery needs none of what a general-purpose client layer adds (codecs, exchange strategies, observations),
 * and on a fast receiver that layer cost about as much as the request itself.
 */
@Component
class WebhookClient implements DisposableBean {

    /**
     * What one request ended with: a status code, or the class of the error that prevented one, and the receiver's
     * {@code Retry-After} when it sent a valid one.
     */
    record Result(@Nullable Integer status, @Nullable String errorClass, long latencyMillis,
            @Nullable Duration retryAfter) {

        Result(@Nullable Integer status, @Nullable String errorClass, long latencyMillis) {
            this(status, errorClass, latencyMillis, null);
        }

        boolean success() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private final LoopResources loops = LoopResources.create("webhook-http", 2, true);
    private final ConnectionProvider connections;
    private final HttpClient client;
    private final Duration timeout;

    WebhookClient(WebhookProperties properties, SsrfGuard guard) {
        // Own connections and event loops: slow receivers never hold the threads that serve the API.
        // The limit is per receiver host. Waiting for a connection is bounded in time, not in number: how many
        // requests wait is already bounded by the per-endpoint caps and the consumers' in-flight limit.
        this.connections = ConnectionProvider.builder("webhooks").maxConnections(properties.maxConnectionsPerHost())
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(properties.connectTimeout()).build();
        this.client = HttpClient.create(connections)
                .runOn(loops)
                .protocol(HttpProtocol.HTTP11)
                .resolver(new GuardedAddressResolverGroup(guard))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
                .responseTimeout(properties.requestTimeout())
                .followRedirect(false)
                // No transport-level second try: Reactor Netty would resend once after a connection closed or reset
                // mid-request, and a receiver that already had the request would get an unlogged copy. Every
                // attempt goes through the retry schedule and the delivery log instead.
                .disableRetry(true)
                .headers(headers -> headers.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                        .set(HttpHeaderNames.USER_AGENT, Deliverer.USER_AGENT));
        this.timeout = properties.requestTimeout();
    }

    /** Posts the body; never fails: a request that got no answer is a result with an error class. */
    Mono<Result> post(String url, Consumer<HttpHeaders> headers, byte[] body) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return client.headers(target -> {
                        headers.accept(target);
                        target.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
                    })
                    .post()
                    .uri(url)
                    // A fresh buffer per subscription: a request repeated on another pooled connection resends it.
                    .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)))
                    .response((response, content) -> content.then(Mono.fromSupplier(() -> result(response, start))))
                    .next()
                    .timeout(timeout)
                    .onErrorResume(error -> Mono.just(new Result(null, rootCause(error).getClass().getSimpleName(),
                            millisSince(start))));
        });
    }

    private static Result result(HttpClientResponse response, long start) {
        int status = response.status().code();
        // Only throttling and unavailability answers carry a Retry-After worth honouring.
        Duration retryAfter = status == 429 || status == 503
                ? RetryAfter.parse(response.responseHeaders().get(HttpHeaderNames.RETRY_AFTER), Instant.now())
                : null;
        return new Result(status, null, millisSince(start), retryAfter);
    }

    @Override
    public void destroy() {
        connections.disposeLater().then(loops.disposeLater()).block(Duration.ofSeconds(5));
    }

    private static long millisSince(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private static Throwable rootCause(Throwable error) {
        Throwable current = error;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }
}
