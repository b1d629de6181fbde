package io.wagate.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * A webhook receiver on 127.0.0.1 that records every request and answers with a configurable status, or hangs (never
 * answers) while told to.
 */
final class Sink implements AutoCloseable {

    /** One received request; header names in lower case. */
    record Received(Map<String, String> headers, String body, Instant at) {

        String header(String name) {
            return headers.get(name);
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status;
    private final AtomicBoolean hanging = new AtomicBoolean();
    private final DisposableServer server;
    /** Own event loops: an application context that stops disposes Reactor Netty's global ones. */
    private final LoopResources loops = LoopResources.create("sink", 1, true);

    Sink(int status) {
        this(status, Map.of());
    }

    /** A sink that also sends these response headers. */
    Sink(int status, Map<String, String> responseHeaders) {
        this.status = new AtomicInteger(status);
        this.server = HttpServer.create().runOn(loops).host("127.0.0.1").port(0)
                .handle((request, response) -> request.receive().aggregate().asString(StandardCharsets.UTF_8)
                        .defaultIfEmpty("")
                        .flatMap(body -> {
                            received.add(new Received(request.requestHeaders().entries().stream()
                                    .collect(Collectors.toMap(entry -> entry.getKey().toLowerCase(),
                                            Map.Entry::getValue, (a, b) -> a + "," + b)), body, Instant.now()));
                            if (hanging.get()) {
                                return Mono.never();
                            }
                            responseHeaders.forEach(response::header);
                            return response.status(this.status.get()).send().then();
                        }))
                .bindNow();
    }

    /** A sink that records requests and never answers them. */
    static Sink hanging() {
        Sink sink = new Sink(200);
        sink.hang(true);
        return sink;
    }

    void hang(boolean never) {
        hanging.set(never);
    }

    /** Answers later requests with this status (and stops hanging). */
    void answer(int newStatus) {
        status.set(newStatus);
        hanging.set(false);
    }

    String url() {
        return "http://127.0.0.1:" + server.port() + "/hook";
    }

    int port() {
        return server.port();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.disposeNow();
        loops.disposeLater().block(java.time.Duration.ofSeconds(5));
    }
}
