package io.wagate.gateway.bench;

import io.wagate.gateway.GatewayApplication;
import io.wagate.testsupport.RedisServer;
import io.wagate.testsupport.SharedInfrastructure;
import io.wagate.testsupport.TestIdentityKeys;
import io.wagate.testsupport.bench.GatewayComparison;
import io.wagate.testsupport.bench.LoadGenerator;
import io.wagate.testsupport.bench.LoadRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * API-key-authenticated requests through the gateway versus the same request straight to the backend, in one run on
 * one machine: a Reactor Netty backend, a stub auth-service, the gateway in-process (real Redis for the key cache,
 * plan lookup and token buckets), and the Netty load generator. Not part of the default test run:
 * {@code ./mvnw -pl gateway-service -Pbench test} (see docs/gateway.md). Results go to
 * {@code target/benchmark-results.md}.
 *
 * <p>Phases ({@link GatewayComparison}): warm-up (JIT) 30 s; the maximum throughput of each path at a fixed
 * concurrency (closed loop, three alternating windows, each path's median); then both at half the gateway's maximum
 * (open loop, alternating one-second slices, latency from the intended send time: no coordinated omission).
 */
class GatewayBenchmark {

    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 32);
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup-seconds", 30));
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.measure-seconds", 15));
    private static final String KEY = "wg_live_bench01_" + UUID.randomUUID().toString().replace("-", "");

    @Test
    void gatewayVersusDirect() throws Exception {
        DisposableServer backend = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.route(request -> true, (request, response) -> request.receive().then()
                        .then(response.header("Content-Type", "application/json")
                                .sendString(Mono.just("{\"instances\":[]}")).then())))
                .bindNow();
        String introspection = """
                {"active":true,"keyId":"%s","tenantId":"%s","instanceId":"%s","scopes":["messages:send"],"expiresAt":null}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        AtomicInteger introspections = new AtomicInteger();
        DisposableServer auth = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes
                        .post("/internal/auth/api-keys/introspect", (request, response) -> request.receive().then()
                                .then(Mono.fromRunnable(introspections::incrementAndGet))
                                .then(response.header("Content-Type", "application/json")
                                        .sendString(Mono.just(introspection)).then()))
                        .get("/api/auth/jwks", (request, response) -> response.sendString(Mono.just("{\"keys\":[]}"))))
                .bindNow();

        SharedInfrastructure infrastructure = SharedInfrastructure.get();
        RedisServer redis = infrastructure.redis();
        Map<String, String> settings = Map.ofEntries(
                        Map.entry("server.port", "0"),
                        Map.entry("management.server.port", "0"),
                        Map.entry("spring.main.banner-mode", "off"),
                        Map.entry("spring.data.redis.host", redis.host()),
                        Map.entry("spring.data.redis.port", Integer.toString(redis.port())),
                        Map.entry("spring.data.redis.database", Integer.toString(redis.reserveDatabase())),
                        Map.entry("spring.kafka.bootstrap-servers", infrastructure.kafka().bootstrapServers()),
                        Map.entry("wagate.identity.private-key", TestIdentityKeys.privateKeyBase64()),
                        Map.entry("wagate.gateway.routes.auth", "http://127.0.0.1:" + auth.port()),
                        Map.entry("wagate.gateway.routes.instances", "http://127.0.0.1:" + backend.port()),
                        // Limits are still checked in Redis on every request; they are just too high to refuse any.
                        Map.entry("wagate.gateway.plans.default-requests-per-minute", "1000000000"),
                        Map.entry("logging.level.io.wagate.gateway.access",
                                System.getProperty("bench.access-log", "WARN")));
        // As command-line arguments: they win over application.yml (server.port 8080), like a deployment's would.
        List<String> arguments = new ArrayList<>(settings.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toList());
        // -Dbench.gateway-args="--a=b --c=d" adds settings for experiments (e.g. the rate limiter switched off).
        for (String extra : System.getProperty("bench.gateway-args", "").split("\\s+")) {
            if (!extra.isBlank()) {
                arguments.add(extra);
            }
        }
        ConfigurableApplicationContext gateway = new SpringApplicationBuilder(GatewayApplication.class)
                .run(arguments.toArray(String[]::new));
        int gatewayPort = Integer.parseInt(gateway.getEnvironment().getProperty("local.server.port", "0"));
        try (LoadGenerator load = new LoadGenerator(LoadGenerator::thisProcessCpuNanos)) {
            LoadRequest viaGateway = request(URI.create("http://127.0.0.1:" + gatewayPort + "/api/instances"));
            LoadRequest direct = request(URI.create("http://127.0.0.1:" + backend.port() + "/api/instances"));

            GatewayComparison comparison = GatewayComparison.run(load, direct, viaGateway, CONCURRENCY, WARM_UP,
                    MEASURE);
            GatewayComparison.publish("""
                    ## Run of %s

                    Machine: %d CPUs, Java %s. Concurrency %d (closed loop), warm-up %d s, %d s per measurement
                    (the half-rate one after %d s per path unrecorded).
                    Introspection calls during the whole run: %d (then served from the Redis cache). CPU: this JVM
                    (load generator, backend, stub and gateway; the embedded Redis runs in its own process).

                    """.formatted(Instant.now(), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), CONCURRENCY, WARM_UP.toSeconds(), MEASURE.toSeconds(),
                    MEASURE.dividedBy(2).toSeconds(),
                    introspections.get()) + comparison.table());
        } finally {
            gateway.close();
            backend.disposeNow();
            auth.disposeNow();
        }
    }

    private static LoadRequest request(URI url) {
        return LoadRequest.get(url, Map.of("Authorization", "Bearer " + KEY));
    }
}
