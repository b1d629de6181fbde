package io.wagate.gateway;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A service behind the gateway: answers {@code {"ok":true}} and records what it received (headers, URI, body) per
 * {@code X-Test-Probe} header, so that concurrently running tests do not read each other's requests. {@code /slow}
 * paths answer after two seconds, {@code /hang-up} paths close the connection without answering, {@code /trickle}
 * paths send their answer's headers and first line at once and the second line 1.5 s later, {@code /hop} paths
 * answer 299 with hop-by-hop headers next to ordinary ones, {@code /large} paths answer {@link #LARGE_ANSWER_BYTES}
 * bytes of JSON and {@code /empty} paths 204 without a body.
 */
final class BackendRecorder {

    static final String PROBE = "X-Test-Probe";
    static final int LARGE_ANSWER_BYTES = 200_000;

    final Map<String, HttpHeaders> received = new ConcurrentHashMap<>();
    final Map<String, String> uris = new ConcurrentHashMap<>();
    final Map<String, String> bodies = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        String probe = request.requestHeaders().get(PROBE, "none");
        received.put(probe, request.requestHeaders().copy());
        uris.put(probe, request.uri());
        calls.computeIfAbsent(probe, p -> new AtomicInteger()).incrementAndGet();
        Mono<Void> body = request.receive().aggregate().asString(StandardCharsets.UTF_8)
                .doOnNext(text -> bodies.put(probe, text)).then();
        String path = request.fullPath();
        if (path.endsWith("/hang-up")) {
            return body.then(Mono.fromRunnable(() -> response.withConnection(connection -> connection.dispose())))
                    .then(Mono.never());
        }
        if (path.endsWith("/trickle")) {
            return body.then(response.header("Content-Type", "text/plain")
                    .sendString(Flux.concat(Mono.just("first\n"),
                            Mono.delay(Duration.ofMillis(1500)).thenReturn("second\n")))
                    .then());
        }
        if (path.endsWith("/hop")) {
            return body.then(response.status(HttpResponseStatus.valueOf(299))
                    .header("Content-Type", "application/json")
                    .header("Connection", "keep-alive, X-Hop-Answer")
                    .header("X-Hop-Answer", "for this connection only")
                    .header("Keep-Alive", "timeout=5")
                    .header("Proxy-Authenticate", "Basic")
                    .addHeader("X-Service", "one")
                    .addHeader("X-Service", "two")
                    .sendString(Mono.just("{\"ok\":true}")).then());
        }
        if (path.endsWith("/large")) {
            String large = "{\"data\":\"" + "x".repeat(LARGE_ANSWER_BYTES - 11) + "\"}";
            return body.then(response.header("Content-Type", "application/json").sendString(Mono.just(large)).then());
        }
        if (path.endsWith("/empty")) {
            return body.then(response.status(HttpResponseStatus.NO_CONTENT).send());
        }
        Duration delay = path.endsWith("/slow") ? Duration.ofSeconds(2) : Duration.ZERO;
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
