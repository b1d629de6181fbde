package io.wagate.webhook.delivery;

import io.netty.channel.ChannelOption;
import io.wagate.webhook.WebhookProperties;
import io.wagate.webhook.ssrf.GuardedAddressResolverGroup;
import io.wagate.webhook.ssrf.SsrfGuard;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * The HTTP client of deliveries: short timeouts, no redirects (a redirect could lead past the SSRF guard), the
 * guarded resolver on every connection, and response bodies discarded unread.
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
    private final WebClient client;
    private final Duration timeout;

    WebhookClient(WebhookProperties properties, SsrfGuard guard) {
        // Own connections and event loops: slow receivers never hold the threads that serve the API.
        this.connections = ConnectionProvider.builder("webhooks").maxConnections(200)
                .pendingAcquireTimeout(properties.connectTimeout()).build();
        HttpClient http = HttpClient.create(connections)
                .runOn(loops)
                .resolver(new GuardedAddressResolverGroup(guard))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
                .responseTimeout(properties.requestTimeout())
                .followRedirect(false);
        this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
        this.timeout = properties.requestTimeout();
    }

    Mono<Result> post(String url, HttpHeaders headers, byte[] body) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return client.post().uri(URI.create(url))
                    .headers(target -> target.addAll(headers))
                    .bodyValue(body)
                    .exchangeToMono(response -> response.releaseBody()
                            .thenReturn(new Result(response.statusCode().value(), null, millisSince(start),
                                    RetryAfter.parse(response.headers().asHttpHeaders()
                                            .getFirst(HttpHeaders.RETRY_AFTER), Instant.now()))))
                    .timeout(timeout)
                    .onErrorResume(error -> Mono.just(new Result(null, rootCause(error).getClass().getSimpleName(),
                            millisSince(start))));
        });
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
