package io.wagate.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** A webhook receiver on 127.0.0.1 that records every request and answers with a configurable status. */
final class Sink implements AutoCloseable {

    /** One received request; header names in lower case. */
    record Received(Map<String, String> headers, String body, Instant at) {

        String header(String name) {
            return headers.get(name);
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status;
    private final DisposableServer server;

    Sink(int status) {
        this(status, Map.of());
    }

    /** A sink that also sends these response headers. */
    Sink(int status, Map<String, String> responseHeaders) {
        this.status = new AtomicInteger(status);
        this.server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> request.receive().aggregate().asString(StandardCharsets.UTF_8)
                        .defaultIfEmpty("")
                        .flatMap(body -> {
                            received.add(new Received(request.requestHeaders().entries().stream()
                                    .collect(Collectors.toMap(entry -> entry.getKey().toLowerCase(),
                                            Map.Entry::getValue, (a, b) -> a + "," + b)), body, Instant.now()));
                            responseHeaders.forEach(response::header);
                            return response.status(this.status.get()).send().then();
                        }))
                .bindNow();
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
    }
}
