package io.wagate.webhook.bench;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.identity.InternalTokens;
import io.wagate.support.testing.GatewayTokens;
import io.wagate.testsupport.InfrastructureSettings;
import io.wagate.testsupport.SharedInfrastructure;
import io.wagate.testsupport.TestDatabase;
import io.wagate.webhook.WebhookDispatcherApplication;
import io.wagate.webhook.WebhookIntegrationTest;
import io.wagate.webhook.delivery.DeliveryJob;
import io.wagate.webhook.delivery.DeliveryTopics;
import io.wagate.webhook.delivery.WebhookIds;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.DisposableServer;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient.ResponseReceiver;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Deliveries per second through the whole dispatcher (job consumed from Kafka, endpoint and secrets loaded,
 * signed, sent, attempt logged, failure run ended) to a local receiver that answers 204 at once, versus a plain
 * Reactor Netty client posting the same bodies to the same receiver at the same concurrency (the ceiling), in one
 * run. Not part of the default test run: {@code ./mvnw -pl webhook-dispatcher -Pbench test} (see
 * docs/webhooks.md). Results go to {@code target/benchmark-results.md}.
 */
class DeliveryBenchmark {

    private static final int ENDPOINTS = Integer.getInteger("bench.endpoints", 32);
    private static final int CAP = Integer.getInteger("bench.cap", 8);
    private static final int JOBS = Integer.getInteger("bench.jobs", 30_000);
    private static final int WARM_UP_JOBS = Integer.getInteger("bench.warmup-jobs", 30_000);
    private static final int PARTITIONS = Integer.getInteger("bench.partitions", 4);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

    private final AtomicLong received = new AtomicLong();

    @Test
    void dispatcherVersusPlainClient() throws Exception {
        LoopResources sinkLoops = LoopResources.create("bench-sink", 1, true);
        DisposableServer sink = HttpServer.create().runOn(sinkLoops).host("127.0.0.1").port(0)
                .handle((request, response) -> request.receive().then(Mono.defer(() -> {
                    received.incrementAndGet();
                    return response.status(204).send().then();
                })))
                .bindNow();
        String url = "http://127.0.0.1:" + sink.port() + "/hook";
        String body = "{\"type\":\"message.received\",\"timestamp\":\"2026-11-21T10:15:30.123Z\",\"data\":{\"instance\":"
                + "\"bench\",\"messageId\":\"3EB0ABCDEF\",\"chat\":\"4915100000000@s.whatsapp.net\",\"sender\":"
                + "\"4915100000000@s.whatsapp.net\",\"pushName\":\"Ann\",\"kind\":\"text\",\"text\":\"hello there\"}}";
        int concurrency = ENDPOINTS * CAP;

        plainClient(url, body, WARM_UP_JOBS, concurrency);

        SharedInfrastructure infrastructure = SharedInfrastructure.get();
        TestDatabase database = infrastructure.postgres().createDatabase();
        try (ConfigurableApplicationContext dispatcher = new SpringApplicationBuilder(WebhookDispatcherApplication.class)
                .run(arguments(infrastructure, database))) {
            DatabaseClient sql = dispatcher.getBean(DatabaseClient.class);
            MeterRegistry meters = dispatcher.getBean(MeterRegistry.class);
            Lifecycle consumers = dispatcher.getBean("attemptWorkers", Lifecycle.class);
            int port = Integer.parseInt(dispatcher.getEnvironment().getProperty("local.server.port"));
            List<UUID> endpoints = endpoints(sql, port, url);
            try (KafkaProducer<String, byte[]> producer = producer(infrastructure)) {
                deliver(producer, meters, endpoints, body, WARM_UP_JOBS, 0);
                long logged = WARM_UP_JOBS;
                // -Dbench.profile=true: a flight recording of the rounds in target/delivery-benchmark.jfr
                // (jfr view hot-methods target/delivery-benchmark.jfr).
                Recording recording = Boolean.getBoolean("bench.profile")
                        ? new Recording(Configuration.getConfiguration("profile")) : null;
                if (recording != null) {
                    recording.start();
                }
                // Ceiling and dispatcher alternate, so that a busier or quieter spell of the machine touches both.
                StringBuilder rounds = new StringBuilder();
                List<Double> ratios = new ArrayList<>();
                double deferredBefore = deferred(meters);
                for (int round = 1; round <= ROUNDS; round++) {
                    double ceiling = plainClient(url, body, JOBS, concurrency);
                    double backlog = drain(producer, meters, consumers, endpoints, body, JOBS, logged);
                    logged += JOBS;
                    ratios.add(backlog / ceiling);
                    rounds.append("| %d | %.0f | %.0f | %.0f %% |%n".formatted(round, ceiling, backlog,
                            100 * backlog / ceiling));
                }
                if (recording != null) {
                    recording.stop();
                    recording.dump(Path.of("target", "delivery-benchmark.jfr"));
                    recording.close();
                }
                double deferredRounds = deferred(meters) - deferredBefore;
                double ceiling = plainClient(url, body, JOBS, concurrency);
                double live = deliver(producer, meters, endpoints, body, JOBS, logged);
                logged += JOBS;
                double deferredLive = deferred(meters) - deferredBefore - deferredRounds;
                long inLog = logged(sql);
                if (inLog < logged) {
                    throw new AssertionError("The delivery log has " + inLog + " successful attempts, expected "
                            + logged);
                }
                ratios.sort(null);
                String report = """
                        # Webhook delivery benchmark

                        - machine: %d cores, load average at the end %s
                        - %d endpoints, cap %d each (concurrency %d), %d partitions, %d warm-up jobs, %d jobs per phase

                        Backlog rounds: the plain Reactor Netty client (the ceiling) posts the jobs' body; then the
                        dispatcher's consumers are stopped, the jobs published, the consumers started again, and the
                        rate runs from the first to the last logged attempt.

                        | round | ceiling (requests/s) | dispatcher (deliveries/s) | dispatcher / ceiling |
                        | ---: | ---: | ---: | ---: |
                        %s
                        Median dispatcher / ceiling: %.0f %%; jobs deferred in the rounds: %.0f.

                        Live: jobs published by this JVM while the dispatcher delivers (rate from the first publish):
                        %.0f deliveries/s against a ceiling of %.0f requests/s just before = %.0f %%; jobs deferred: %.0f.
                        """.formatted(Runtime.getRuntime().availableProcessors(), loadAverage(), ENDPOINTS, CAP,
                        concurrency, PARTITIONS, WARM_UP_JOBS, JOBS, rounds, 100 * ratios.get(ratios.size() / 2),
                        deferredRounds, live, ceiling, 100 * live / ceiling, deferredLive);
                System.out.println(report);
                Path out = Path.of("target", "benchmark-results.md");
                Files.createDirectories(out.getParent());
                Files.writeString(out, report);
            }
        } finally {
            sink.disposeNow();
            sinkLoops.disposeLater().block(Duration.ofSeconds(5));
        }
    }

    /** Requests per second of a plain client sending {@code count} posts, {@code concurrency} at a time. */
    private double plainClient(String url, String body, int count, int concurrency) {
        ConnectionProvider pool = ConnectionProvider.builder("bench-plain").maxConnections(concurrency).build();
        LoopResources loops = LoopResources.create("bench-plain", 2, true);
        try {
            reactor.netty.http.client.HttpClient client = reactor.netty.http.client.HttpClient.create(pool).runOn(loops)
                    .protocol(HttpProtocol.HTTP11);
            long start = System.nanoTime();
            Flux.range(0, count)
                    .flatMap(i -> {
                        ResponseReceiver<?> request = client.headers(headers -> headers
                                        .set("content-type", "application/json").set("webhook-id", "msg_" + i))
                                .post().uri(url).send(ByteBufFlux.fromString(Mono.just(body)));
                        return request.responseSingle((response, content) -> content.then(Mono.just(response.status())));
                    }, concurrency)
                    .blockLast(Duration.ofMinutes(5));
            return count / seconds(start);
        } finally {
            pool.disposeLater().then(loops.disposeLater()).block(Duration.ofSeconds(10));
        }
    }

    /**
     * Publishes {@code count} jobs spread over the endpoints; deliveries per second until every attempt is logged.
     * Progress is read from the dispatcher's success counter, which counts an attempt once its row is committed:
     * polling the table instead would put a growing scan on the database the dispatcher is measured with.
     */
    private double deliver(KafkaProducer<String, byte[]> producer, MeterRegistry meters, List<UUID> endpoints,
            String body, int count, long alreadyLogged) throws InterruptedException {
        long start = System.nanoTime();
        publish(producer, endpoints, body, count);
        long target = alreadyLogged + count;
        while (succeeded(meters) < target) {
            if (seconds(start) > 600) {
                throw new AssertionError("Only " + succeeded(meters) + " of " + target + " attempts logged after 10 "
                        + "minutes");
            }
            Thread.sleep(20);
        }
        return count / seconds(start);
    }

    /**
     * Stops the consumers, publishes {@code count} jobs, starts the consumers again: deliveries per second from the
     * first to the last logged attempt, without the publishing and the consumer group joining.
     */
    private double drain(KafkaProducer<String, byte[]> producer, MeterRegistry meters, Lifecycle consumers,
            List<UUID> endpoints, String body, int count, long alreadyLogged) throws InterruptedException {
        consumers.stop();
        publish(producer, endpoints, body, count);
        consumers.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        long first;
        while ((first = succeeded(meters)) <= alreadyLogged) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No attempt logged after the consumers started again");
            }
            Thread.sleep(2);
        }
        long start = System.nanoTime();
        long target = alreadyLogged + count;
        while (succeeded(meters) < target) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Only " + succeeded(meters) + " of " + target + " attempts logged");
            }
            Thread.sleep(5);
        }
        return (target - first) / seconds(start);
    }

    private static void publish(KafkaProducer<String, byte[]> producer, List<UUID> endpoints, String body, int count) {
        for (int i = 0; i < count; i++) {
            UUID endpoint = endpoints.get(i % endpoints.size());
            String eventId = UUID.randomUUID().toString();
            DeliveryJob job = new DeliveryJob(eventId, endpoint, WebhookIds.of(eventId, endpoint), "message.received",
                    body, 0, System.currentTimeMillis());
            producer.send(new ProducerRecord<>(DeliveryTopics.FIRST, endpoint.toString(), job.encode()));
        }
        producer.flush();
    }

    private static long succeeded(MeterRegistry meters) {
        return (long) meters.find("wagate.webhooks.attempts").tag("outcome", "success").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private static double deferred(MeterRegistry meters) {
        return meters.find("wagate.webhooks.deferred").counters().stream().mapToDouble(Counter::count).sum();
    }

    private static long logged(DatabaseClient sql) {
        return sql.sql("SELECT count(*) FROM delivery_attempt WHERE status_code = 204").map(row -> row.get(0, Long.class))
                .one().block();
    }

    private static List<UUID> endpoints(DatabaseClient sql, int port, String url) throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID instance = UUID.randomUUID();
        sql.sql("INSERT INTO known_instance (id, tenant_id, name) VALUES (:id, :tenant, 'bench')")
                .bind("id", instance).bind("tenant", tenant).then().block();
        String token = GatewayTokens.user(tenant, InternalIdentity.DEVELOPER);
        HttpClient http = HttpClient.newHttpClient();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < ENDPOINTS; i++) {
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                    + "/api/webhooks/endpoints"))
                            .header(InternalTokens.HEADER, token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"instance\":\"bench\",\"url\":\"" + url
                                    + "\",\"eventTypes\":[\"*\"]}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new AssertionError("Creating an endpoint answered " + created.statusCode() + ": " + created.body());
            }
            int at = created.body().indexOf("\"id\":\"") + 6;
            ids.add(UUID.fromString(created.body().substring(at, at + 36)));
        }
        return ids;
    }

    private static KafkaProducer<String, byte[]> producer(SharedInfrastructure infrastructure) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.kafka().bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static String[] arguments(SharedInfrastructure infrastructure, TestDatabase database) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.putAll(InfrastructureSettings.of(database, infrastructure.redis(),
                infrastructure.redis().reserveDatabase(), infrastructure.kafka().bootstrapServers()));
        properties.put("server.port", 0);
        properties.put("wagate.kafka.partitions", PARTITIONS);
        properties.put("spring.kafka.listener.auto-startup", false);
        properties.put("wagate.webhooks.attempt-group-prefix", "bench-" + UUID.randomUUID() + ".");
        properties.put("wagate.webhooks.secret-key", WebhookIntegrationTest.SECRET_KEY);
        properties.put("wagate.webhooks.allowed-insecure-hosts", "127.0.0.1");
        properties.put("wagate.webhooks.allowed-private-hosts", "127.0.0.1");
        properties.put("wagate.webhooks.max-concurrency-per-endpoint", CAP);
        properties.put("wagate.webhooks.rate-limit.per-second", 1_000_000);
        properties.put("logging.level.root", "WARN");
        String extra = System.getProperty("bench.dispatcher-args", "");
        List<String> arguments = new ArrayList<>(properties.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue()).toList());
        if (!extra.isBlank()) {
            arguments.addAll(List.of(extra.trim().split("\\s+")));
        }
        return arguments.toArray(String[]::new);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
