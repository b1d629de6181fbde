package io.wagate.gateway.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.util.concurrent.EventExecutor;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.ConnectionObserver;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import reactor.util.context.Context;

class EventLoopAffineConnectionProviderTests {

    private DisposableServer server;
    private LoopResources loops;
    private ConnectionProvider provider;

    @BeforeEach
    void start() {
        // The answer waits a little, so that calls from both loops overlap and each loop's pool opens connections.
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> response.sendString(Mono.just("ok").delayElement(Duration.ofMillis(5))))
                .bindNow();
        loops = LoopResources.create("affinity-test", 2, true);
        provider = new EventLoopAffineConnectionProvider(() -> ConnectionProvider.create("affinity-test", 8));
    }

    @AfterEach
    void stop() {
        server.disposeNow();
        provider.disposeLater().block(Duration.ofSeconds(5));
        loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
    }

    private record Call(Object caller, EventExecutor connectionLoop) {
    }

    @Test
    void aCallMadeOnAnEventLoopUsesAConnectionOfThatLoop() {
        List<EventExecutor> clientLoops = new ArrayList<>();
        loops.onClient(true).forEach(clientLoops::add);
        assertThat(clientLoops).hasSize(2);
        List<Call> calls = new ArrayList<>();
        HttpClient client = HttpClient.create(provider).runOn(loops)
                .doOnRequest((request, connection) -> {
                    synchronized (calls) {
                        calls.add(new Call(request.currentContextView().get("caller"),
                                connection.channel().eventLoop()));
                    }
                });
        for (int round = 0; round < 10; round++) {
            // Both loops call at once: from one shared pool a loop would soon take a connection the other opened.
            List<CompletableFuture<String>> answers = new ArrayList<>();
            for (EventExecutor loop : clientLoops) {
                for (int call = 0; call < 3; call++) {
                    CompletableFuture<String> answer = new CompletableFuture<>();
                    loop.execute(() -> client.get().uri("http://127.0.0.1:" + server.port() + "/")
                            .responseContent().aggregate().asString()
                            .contextWrite(Context.of("caller", loop))
                            .subscribe(answer::complete, answer::completeExceptionally));
                    answers.add(answer);
                }
            }
            answers.forEach(answer -> assertThat(answer.orTimeout(5, TimeUnit.SECONDS).join()).isEqualTo("ok"));
        }
        synchronized (calls) {
            assertThat(calls).hasSize(60);
            assertThat(calls).allSatisfy(call -> assertThat(call.connectionLoop()).isSameAs(call.caller()));
            assertThat(calls.stream().map(Call::caller).distinct()).hasSize(2);
        }
    }

    @Test
    void callsFromOtherThreadsShareOnePool() throws InterruptedException {
        Set<SocketAddress> connections = ConcurrentHashMap.newKeySet();
        AtomicInteger released = new AtomicInteger();
        HttpClient client = HttpClient.create(provider).runOn(loops)
                .doOnRequest((request, connection) -> connections.add(connection.channel().localAddress()))
                .observe((connection, state) -> {
                    if (state == ConnectionObserver.State.RELEASED) {
                        released.incrementAndGet();
                    }
                });
        for (int call = 0; call < 4; call++) {
            // From two different threads, neither an event loop, one after the other.
            CompletableFuture<String> answer = new CompletableFuture<>();
            Thread caller = new Thread(() -> answer.complete(client.get().uri("http://127.0.0.1:" + server.port() + "/")
                    .responseContent().aggregate().asString().block(Duration.ofSeconds(5))));
            caller.start();
            caller.join(5_000);
            assertThat(answer).isCompletedWithValue("ok");
            int done = call + 1;
            await().atMost(Duration.ofSeconds(5)).until(() -> released.get() == done);
        }
        assertThat(connections).hasSize(1);
    }
}
