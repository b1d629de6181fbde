package io.wagate.gateway;

import io.netty.handler.codec.http.HttpHeaders;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A service behind the gateway: answers {@code {"ok":true}} and records what it received per {@code X-Test-Probe}
 * header, so that concurrently running tests do not read each other's requests. {@code /slow} paths answer after
 * two seconds, {@code /hang-up} paths close the connection without answering.
 */
final class BackendRecorder {

    static final String PROBE = "X-Test-Probe";

    final Map<String, HttpHeaders> received = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        String probe = request.requestHeaders().get(PROBE, "none");
        received.put(probe, request.requestHeaders().copy());
        calls.computeIfAbsent(probe, p -> new AtomicInteger()).incrementAndGet();
        Mono<Void> body = request.receive().then();
        if (request.uri().endsWith("/hang-up")) {
            return body.then(Mono.fromRunnable(() -> response.withConnection(connection -> connection.dispose())))
                    .then(Mono.never());
        }
        Duration delay = request.uri().endsWith("/slow") ? Duration.ofSeconds(2) : Duration.ZERO;
        return body.then(Mono.delay(delay))
                .then(response.header("Content-Type", "application/json")
                        // Like every WaGate service, the backend echoes the request id it was given.
                        .header("X-Request-Id", request.requestHeaders().get("X-Request-Id", ""))
                        .sendString(Mono.just("{\"ok\":true}")).then());
    }

    int calls(String probe) {
        AtomicInteger count = calls.get(probe);
        return count == null ? 0 : count.get();
    }
}
