package io.wagate.platform;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

/**
 * A proxy with nothing but the network stack the gateway is built on (Reactor Netty's HTTP server and client, the
 * same event loops and epoll transport): no Spring, no authentication, no rate limit, no token, no log line. The
 * platform benchmark runs it in place of the gateway on request ({@code -Dbench.via=bare-proxy}) to measure what any
 * proxy on that stack costs on the machine at hand, the floor under what the gateway adds.
 *
 * <p>Like the gateway, each event loop calls the service over connections of its own, so a call never changes
 * threads; the request's headers are passed on as they came (the benchmark sends the internal token) and the
 * answer's status, headers and body are passed back.
 */
public final class BareProxy {

    private BareProxy() {
    }

    /** Arguments: the port to listen on, the service's port on this host. Runs until killed. */
    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        InetSocketAddress service = new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1]));
        ThreadLocal<HttpClient> clientOfThisLoop = ThreadLocal.withInitial(() -> HttpClient
                .create(ConnectionProvider.create("bare-proxy-" + Thread.currentThread().getName(), 100))
                .remoteAddress(() -> service)
                .disableRetry(true));
        DisposableServer server = HttpServer.create()
                .host("127.0.0.1")
                .port(port)
                .handle((request, response) -> clientOfThisLoop.get()
                        .request(request.method())
                        .uri(request.uri())
                        .send((outgoing, outbound) -> {
                            outgoing.requestHeaders().set(request.requestHeaders());
                            return outbound.send(request.receive().retain());
                        })
                        .response((answer, body) -> {
                            response.status(answer.status());
                            response.responseHeaders().set(answer.responseHeaders());
                            return response.send(body.retain()).then();
                        })
                        .then())
                .bindNow(Duration.ofSeconds(10));
        System.out.println("BARE PROXY READY on " + server.port());
        server.onDispose().block();
    }

    /** The proxy running as its own JVM, and the port it listens on; closing stops it. */
    record Running(Process process, int port) implements AutoCloseable {

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Starts the proxy as its own JVM with the given JVM options, in front of the service's port. */
    static Running start(String javaOptions, int servicePort, Path log) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of(javaOptions.trim().split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BareProxy.class.getName(),
                Integer.toString(port), Integer.toString(servicePort)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            LocalPlatform.awaitOutput(process, log, "The bare proxy", "BARE PROXY READY", Duration.ofSeconds(60));
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
        return new Running(process, port);
    }
}
