package io.wagate.platform;

import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.identity.InternalTokenIssuer;
import io.wagate.support.identity.InternalTokens;
import io.wagate.support.identity.PrincipalType;
import io.wagate.testsupport.bench.GatewayComparison;
import io.wagate.testsupport.bench.LoadGenerator;
import io.wagate.testsupport.bench.LoadRequest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * API-key-authenticated requests through the gateway versus the same request straight to the service, with the
 * platform as it runs for real: every service on the path its own process (started by the run command), the real
 * instance-service answering {@code GET /api/instances/{name}} from PostgreSQL, the gateway doing what it does for
 * every API request (key cache, plan and two token buckets in Redis, internal token, proxy). The direct requests
 * carry an internal token minted with the run's identity key, which is what the gateway adds. Not part of the
 * default build: {@code ./mvnw -q -DskipTests install && ./mvnw -q -pl platform-tests -Pbench test}
 * (docs/gateway.md). Results go to {@code platform-tests/target/benchmark-results.md}.
 *
 * <p>The services run as a deployment would (full JIT and G1; the run command stops at C1 and uses the serial
 * collector in 512 MB for a quick local start) and with a limit
 * high enough never to refuse a request; the limits are still checked on every request.
 */
class GatewayOverheadBenchmark {

    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 32);
    /**
     * Long enough for the JIT to finish with the gateway's request path on two shared cores: after 90 s its compiler
     * still took 5-15 % of the gateway's CPU in the measured windows.
     */
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup-seconds", 150));
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.measure-seconds", 20));
    /**
     * The half-rate pattern, unrecorded, before it is measured: in the gateway's compilation log the recorded phase
     * still saw about a thousand compilations (C1 and C2 threads up to 0.47 s of CPU in a second) when it followed the
     * closed-loop phases straight away.
     */
    private static final Duration SETTLE = Duration.ofSeconds(Long.getLong("bench.settle-seconds", 30));
    private static final Duration LATENCY = Duration.ofSeconds(Long.getLong("bench.latency-seconds", 60));
    private static final String PASSWORD = "correct horse battery staple";
    /**
     * The services' JVM options as deployed (docs/runbooks/jvm.md): C2 and G1 with a fixed floor under the heap,
     * compact object headers and the heap on transparent huge pages, instead of the run command's quick-start
     * defaults (C1, the serial collector).
     */
    private static final String DEPLOYED_JAVA_OPTS = "-XX:TieredStopAtLevel=4 -XX:-UseSerialGC -XX:+UseG1GC "
            + "-Xms512m -Xmx1g -XX:+UseCompactObjectHeaders -XX:+UseTransparentHugePages";
    /**
     * The services on the measured path (sign-up and key introspection need auth-service); the others would only add
     * their background work (consumers, relays, sweeps) to the two shared cores. {@code all} starts the whole
     * platform.
     */
    private static final String SERVICES = System.getProperty("bench.services",
            "auth-service,instance-service,gateway-service");
    /**
     * {@code gateway} (the default) or {@code bare-proxy}: the second puts {@link BareProxy} in the gateway's place,
     * with the direct path's headers, to measure the floor any proxy on the gateway's network stack costs here.
     */
    private static final String VIA = System.getProperty("bench.via", "gateway");
    /** The run command's own options that come before {@code WAGATE_JAVA_OPTS} and matter for a proxy. */
    private static final String RUN_COMMAND_JAVA_OPTS = "--sun-misc-unsafe-memory-access=allow -Xss512k";

    @Test
    void apiKeyRequestsThroughTheGatewayVersusStraightToTheService() throws Exception {
        String javaOpts = System.getProperty("bench.java-opts", DEPLOYED_JAVA_OPTS);
        if (!VIA.equals("gateway") && !VIA.equals("bare-proxy")) {
            throw new IllegalArgumentException("bench.via is gateway or bare-proxy, not " + VIA);
        }
        Map<String, String> environment = new HashMap<>(Map.of(
                "WAGATE_JAVA_OPTS", javaOpts,
                "WAGATE_BILLING_PLANS_BASIC_REQUESTS_PER_MINUTE", "2000000000",
                // Without billing-service no plan is published: the gateway's default plan gets the same limit.
                "WAGATE_GATEWAY_PLANS_DEFAULT_REQUESTS_PER_MINUTE", "2000000000",
                "LOGGING_LEVEL_IO_WAGATE_GATEWAY_ACCESS", System.getProperty("bench.access-log", "INFO")));
        if (!SERVICES.equals("all")) {
            environment.put("WAGATE_SERVICES", SERVICES);
        }
        try (LocalPlatform platform = LocalPlatform.start(Duration.ofMinutes(6), environment)) {
            PublicApi gateway = new PublicApi("http://127.0.0.1:" + platform.port("WAGATE_GATEWAY_PORT"));
            String email = "bench-" + UUID.randomUUID() + "@example.com";
            gateway.post("/api/auth/register", null, Map.of("email", email, "password", PASSWORD, "name", "Bench",
                    "organization", "Bench")).expect(201);
            String token = gateway.post("/api/auth/login", null, Map.of("email", email, "password", PASSWORD))
                    .expect(200).text("accessToken");
            UUID tenantId = UUID.fromString(gateway.get("/api/auth/me", token).expect(200).text("tenantId"));
            UUID instanceId = UUID.fromString(gateway.post("/api/instances", token,
                    Map.of("name", "bench-bot", "engine", "sandbox")).expect(201).text("id"));
            PublicApi.Answer created = gateway.createApiKey(token, instanceId.toString(), "bench",
                    List.of("instance:read"));
            String apiKey = created.text("key");
            String keyId = created.json().get("apiKey").get("id").asString();

            InternalTokenIssuer issuer = new InternalTokenIssuer(InternalTokens.privateKey(Files.readString(
                    platform.runDirectory.resolve("data/identity/internal-identity.key")).trim()),
                    Duration.ofSeconds(60), Clock.systemUTC());
            InternalIdentity identity = new InternalIdentity(tenantId, keyId, PrincipalType.API_KEY, Set.of(),
                    Set.of("instance:read"), instanceId, "basic");
            FreshToken internal = new FreshToken(() -> issuer.issue(identity));

            String resource = "/api/instances/bench-bot";
            int instancePort = platform.port("WAGATE_INSTANCE_PORT");
            Supplier<Map<String, String>> internalHeaders = () -> Map.of(InternalTokens.HEADER, internal.get());
            LoadRequest straight = new LoadRequest(URI.create("http://127.0.0.1:" + instancePort + resource),
                    internalHeaders);
            BareProxy.Running bare = VIA.equals("bare-proxy") ? BareProxy.start(RUN_COMMAND_JAVA_OPTS + " " + javaOpts,
                    instancePort, platform.runDirectory.resolve("logs/bare-proxy.log")) : null;
            String proxyName;
            ProcessHandle proxy;
            LoadRequest throughProxy;
            String described;
            if (bare != null) {
                proxyName = "bare-proxy";
                proxy = bare.process().toHandle();
                throughProxy = new LoadRequest(URI.create("http://127.0.0.1:" + bare.port() + resource),
                        internalHeaders);
                described = "Request: `GET " + resource + "` with the internal token, through the bare proxy"
                        + " (BareProxy, its own JVM with the services' options; the rows labelled gateway) or direct."
                        + " CPU: the bare proxy and instance-service processes";
            } else {
                proxyName = "gateway-service";
                proxy = platform.process(proxyName);
                throughProxy = LoadRequest.get(URI.create("http://127.0.0.1:" + platform.port("WAGATE_GATEWAY_PORT")
                        + resource), Map.of("Authorization", "Bearer " + apiKey));
                described = "Request: `GET " + resource + "` with an API key (gateway) or with the internal token"
                        + " (direct). CPU: the gateway-service and instance-service processes";
            }

            List<ProcessHandle> measured = List.of(proxy, platform.process("instance-service"));
            StallDumps dumps = new StallDumps(Map.of(proxyName, proxy,
                    "instance-service", measured.get(1), "auth-service", platform.process("auth-service")),
                    Path.of("target", "thread-dumps").toAbsolutePath());
            try (internal; bare; LoadGenerator load = new LoadGenerator(() -> LoadGenerator.cpuNanosOf(measured))) {
                load.whenUnanswered(dumps);
                GatewayComparison comparison = GatewayComparison.run(load, straight, throughProxy, CONCURRENCY,
                        WARM_UP, MEASURE, SETTLE, LATENCY);
                GatewayComparison.publish("""
                        ## Platform run of %s

                        Machine: %d CPUs, Java %s. Services started: %s, each its own JVM, with PostgreSQL, Redis,
                        Kafka and the sandbox; the services' JVM options: `%s`; concurrency %d (closed loop), warm-up %d s,
                        %d s per maximum, %d s per path at half rate unrecorded, then %d s per path recorded. %s;
                        the load generator is one Netty event loop in the benchmark JVM.

                        """.formatted(Instant.now(), Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version"), SERVICES, javaOpts, CONCURRENCY, WARM_UP.toSeconds(),
                        MEASURE.toSeconds(), SETTLE.toSeconds(), LATENCY.toSeconds(), described)
                        + comparison.table() + dumps.summary() + "\n"
                        + HugePages.summary(Map.of(proxyName, measured.get(0),
                                "instance-service", measured.get(1))) + "\n");
                comparison.publishSamples();
            }
        }
    }

    /**
     * Internal tokens live a minute; the direct requests get a new one every 20 s. Minted on a thread of its own: on
     * the load generator's event loop, signing (slow while the code is still cold) would hold up the requests due
     * meanwhile and count against the direct path.
     */
    private static final class FreshToken implements AutoCloseable {
        private final ScheduledExecutorService minter = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("bench-token-minter").factory());
        private volatile String token;

        FreshToken(Supplier<String> mint) {
            token = mint.get();
            minter.scheduleAtFixedRate(() -> token = mint.get(), 20, 20, TimeUnit.SECONDS);
        }

        String get() {
            return token;
        }

        @Override
        public void close() {
            minter.shutdownNow();
        }
    }
}
