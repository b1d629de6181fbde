package io.wagate.gateway;

import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import io.jsonwebtoken.security.Jwks;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * auth-service as the gateway sees it, following the contract: the JWKS, the API key introspection, and the public
 * endpoints (which record the headers they received).
 */
public final class StubAuthService implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final List<Map<String, ?>> jwks = new CopyOnWriteArrayList<>();
    final AtomicInteger jwksFetches = new AtomicInteger();
    final Map<String, String> introspection = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> introspectionCalls = new ConcurrentHashMap<>();
    final Map<String, Duration> introspectionDelays = new ConcurrentHashMap<>();
    final BackendRecorder recorder = new BackendRecorder();
    final DisposableServer server;

    public StubAuthService() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes
                        .get("/api/auth/jwks", (request, response) -> {
                            jwksFetches.incrementAndGet();
                            return response.header("Content-Type", "application/json")
                                    .sendString(Mono.just(JSON.writeValueAsString(Map.of("keys", jwks))));
                        })
                        .post("/internal/auth/api-keys/introspect", (request, response) -> request.receive()
                                .aggregate().asString()
                                .flatMap(body -> {
                                    JsonNode node = JSON.readTree(body);
                                    String key = node.path("key").asString("");
                                    introspectionCalls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                                    String answer = introspection.getOrDefault(key, "{\"active\":false}");
                                    return Mono.delay(introspectionDelays.getOrDefault(key, Duration.ZERO))
                                            .then(response.header("Content-Type", "application/json")
                                                    .sendString(Mono.just(answer)).then());
                                }))
                        .route(request -> request.uri().startsWith("/api/auth/"), recorder::handle))
                .bindNow();
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    void publish(String kid, PublicKey key) {
        jwks.add(Jwks.builder().key(key).id(kid).build());
    }

    public int introspections(String key) {
        AtomicInteger calls = introspectionCalls.get(key);
        return calls == null ? 0 : calls.get();
    }

    /** What the introspection answers for the key (an inactive key's answer until this is called). */
    public void answerIntrospection(String key, String answer) {
        introspection.put(key, answer);
    }

    /** How long the introspection of the key takes to answer. */
    public void delayIntrospection(String key, Duration delay) {
        introspectionDelays.put(key, delay);
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
