package io.wagate.gateway.bench;

import io.wagate.gateway.GatewayApplication;
import io.wagate.testsupport.RedisServer;
import io.wagate.testsupport.SharedInfrastructure;
import io.wagate.testsupport.TestIdentityKeys;
import io.wagate.testsupport.bench.LoadGenerator;
import io.wagate.testsupport.bench.LoadGenerator.Result;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * API-key-authenticated requests through the gateway versus the same request straight to the backend, in one run on
 * one machine: a Reactor Netty backend, a stub auth-service, the gateway in-process (real Redis for the key cache,
 * plan lookup and token buckets), and a load generator on the JDK HTTP client with virtual threads. Not part of the default test run:
 * {@code ./mvnw -pl gateway-service -Pbench test} (see docs/gateway.md). Results go to
 * {@code target/benchmark-results.md}.
 *
 * <p>Phases: warm-up (JIT) 30 s; closed-loop maximum throughput at a fixed concurrency, direct then gateway;
 * then an open-loop fixed rate at half the gateway's maximum, gateway then direct, with latencies measured from the
 * intended send time (no coordinated omission).
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
        try {
            LoadGenerator load = new LoadGenerator(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                    LoadGenerator::thisProcessCpuNanos);
            Supplier<HttpRequest> viaGateway = request(URI.create("http://127.0.0.1:" + gatewayPort + "/api/instances"));
            Supplier<HttpRequest> direct = request(URI.create("http://127.0.0.1:" + backend.port() + "/api/instances"));

            String loadBefore = LoadGenerator.loadAverage();
            load.closedLoop(viaGateway, CONCURRENCY, WARM_UP.multipliedBy(2).dividedBy(3));
            load.closedLoop(direct, CONCURRENCY, WARM_UP.dividedBy(3));

            Result directMax = load.closedLoop(direct, CONCURRENCY, MEASURE);
            Result gatewayMax = load.closedLoop(viaGateway, CONCURRENCY, MEASURE);
            double rate = gatewayMax.throughput() / 2;
            Result gatewayAtRate = load.openLoop(viaGateway, rate, MEASURE);
            Result directAtRate = load.openLoop(direct, rate, MEASURE);

            String report = report(directMax, gatewayMax, rate, directAtRate, gatewayAtRate, introspections.get())
                    + "\nLoad average (1/5/15 min) before: " + loadBefore + ", after: " + LoadGenerator.loadAverage()
                    + "\n";
            System.out.println(report);
            Path out = Path.of("target", "benchmark-results.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
        } finally {
            gateway.close();
            backend.disposeNow();
            auth.disposeNow();
        }
    }

    private static Supplier<HttpRequest> request(URI url) {
        return () -> HttpRequest.newBuilder(url).header("Authorization", "Bearer " + KEY)
                .timeout(Duration.ofSeconds(10)).GET().build();
    }

    private static String report(Result directMax, Result gatewayMax, double rate, Result directAtRate,
            Result gatewayAtRate, int introspections) {
        return """
                ## Run of %s

                Machine: %d CPUs, Java %s. Concurrency %d (closed loop), warm-up %d s, %d s per measurement.
                Introspection calls during the whole run: %d (then served from the Redis cache).

                | measurement | throughput (req/s) | p50 (ms) | p99 (ms) | p99.9 (ms) | errors | JVM CPU per request (us) |
                | --- | ---: | ---: | ---: | ---: | ---: | ---: |
                | direct, max (closed loop) | %.0f | %.2f | %.2f | %.2f | %d | %.0f |
                | gateway, max (closed loop) | %.0f | %.2f | %.2f | %.2f | %d | %.0f |
                | direct at %.0f req/s (open loop) | %.0f | %.2f | %.2f | %.2f | %d | %.0f |
                | gateway at %.0f req/s (open loop) | %.0f | %.2f | %.2f | %.2f | %d | %.0f |

                Gateway throughput / direct: %.0f %% (target >= 50 %%). Added p99 at half the gateway's maximum rate:
                %.2f ms (target <= 5 ms). CPU the gateway adds per request (gateway minus direct, closed loop; the
                embedded Redis runs in its own process and is not counted): %.0f us, i.e. about %.0f req/s per core
                when the gateway has the machine to itself.
                """.formatted(Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                CONCURRENCY, WARM_UP.toSeconds(), MEASURE.toSeconds(), introspections,
                directMax.throughput(), directMax.p50Millis(), directMax.p99Millis(), directMax.p999Millis(), directMax.errors(), directMax.cpuMicrosPerRequest(),
                gatewayMax.throughput(), gatewayMax.p50Millis(), gatewayMax.p99Millis(), gatewayMax.p999Millis(), gatewayMax.errors(), gatewayMax.cpuMicrosPerRequest(),
                rate, directAtRate.throughput(), directAtRate.p50Millis(), directAtRate.p99Millis(), directAtRate.p999Millis(), directAtRate.errors(), directAtRate.cpuMicrosPerRequest(),
                rate, gatewayAtRate.throughput(), gatewayAtRate.p50Millis(), gatewayAtRate.p99Millis(), gatewayAtRate.p999Millis(), gatewayAtRate.errors(), gatewayAtRate.cpuMicrosPerRequest(),
                100 * gatewayMax.throughput() / directMax.throughput(), gatewayAtRate.p99Millis() - directAtRate.p99Millis(),
                gatewayMax.cpuMicrosPerRequest() - directMax.cpuMicrosPerRequest(),
                1e6 / Math.max(1, gatewayMax.cpuMicrosPerRequest() - directMax.cpuMicrosPerRequest()));
    }
}
