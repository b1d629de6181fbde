package io.wagate.session.bench;

import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.session.ConnectSession;
import io.wagate.contracts.session.Engine;
import io.wagate.session.SessionWorkerApplication;
import io.wagate.support.kafka.EventPublisher;
import io.wagate.testsupport.InfrastructureSettings;
import io.wagate.testsupport.SharedInfrastructure;
import io.wagate.testsupport.TestDatabase;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Many sandbox sessions on one worker. Not part of the default test run:
 * {@code ./mvnw -pl session-worker -Pbench test} (see docs/session-worker.md). The sandbox runs in a JVM of its own,
 * so that the heap of this JVM holds the worker (plus the embedded test infrastructure), not the server side.
 *
 * <p>Phases: link every session by scanning its QR code (a few at a time); heap per connected session (used heap
 * after full GCs, before and after); restart the worker and time until every session is CONNECTED again from stored
 * credentials (adoption); drop every socket on the sandbox side at once and time until every session is CONNECTED
 * again. Results go to {@code target/benchmark-results.md}.
 */
class SessionWorkerBenchmark {

    private static final int SESSIONS = Integer.getInteger("bench.sessions", 1000);
    private static final int LINK_CONCURRENCY = Integer.getInteger("bench.link-concurrency", 16);
    private static final int PREKEYS = Integer.getInteger("bench.prekeys", 100);
    private static final Duration PHASE_LIMIT = Duration.ofMinutes(Long.getLong("bench.phase-minutes", 15));
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern NUMBER = Pattern.compile("\"number\"\\s*:\\s*\"(\\d+)\"");

    private record Linked(UUID instanceId, UUID tenantId, String number) {
    }

    private URI sandbox = URI.create("http://127.0.0.1");

    @Test
    void manySessionsOnOneWorker() throws Exception {
        int sandboxPort = freePort();
        sandbox = URI.create("http://127.0.0.1:" + sandboxPort);
        Process sandboxProcess = startSandbox(sandboxPort);
        StringBuilder report = new StringBuilder();
        try {
            Map<String, String> settings = settings();
            double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

            ConfigurableApplicationContext worker = startWorker(settings, "bench-1");
            DatabaseClient database = worker.getBean(DatabaseClient.class);
            long heapIdle = usedHeapAfterGc();

            Instant linkStart = Instant.now();
            List<Linked> linked = linkAll(worker);
            Duration linking = Duration.between(linkStart, Instant.now());
            long heapConnected = usedHeapAfterGc();
            double perSessionKb = (heapConnected - heapIdle) / 1024.0 / SESSIONS;

            worker.close();
            OffsetDateTime adoptionFrom = now(database(settings));
            Instant restart = Instant.now();
            ConfigurableApplicationContext second = startWorker(settings, "bench-2");
            database = second.getBean(DatabaseClient.class);
            Duration adoption = awaitAllConnectedSince(database, adoptionFrom);
            Duration adoptionFromStart = Duration.between(restart, Instant.now());

            OffsetDateTime dropFrom = now(database);
            Instant drop = Instant.now();
            int dropped = dropAll(linked);
            Duration dropSpread = Duration.between(drop, Instant.now());
            Duration reconnect = awaitAllConnectedSince(database, dropFrom);
            second.close();

            double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            report.append("| measurement | value |\n| --- | ---: |\n")
                    .append("| sessions | ").append(SESSIONS).append(" |\n")
                    .append("| link all by QR scan (").append(LINK_CONCURRENCY).append(" at a time) | ")
                    .append(seconds(linking)).append(" s |\n")
                    .append("| heap per connected session | ").append(String.format("%.0f", perSessionKb))
                    .append(" KiB |\n")
                    .append("| worker restart: from starting the new worker to all CONNECTED | ")
                    .append(seconds(adoptionFromStart)).append(" s |\n")
                    .append("| worker restart: from its context being up to all CONNECTED | ")
                    .append(seconds(adoption)).append(" s |\n")
                    .append("| sockets dropped (").append(dropped).append(", requests spread over ")
                    .append(seconds(dropSpread)).append(" s): until all CONNECTED again | ")
                    .append(seconds(reconnect)).append(" s |\n")
                    .append("\nLoad average before ").append(String.format("%.2f", loadBefore)).append(", after ")
                    .append(String.format("%.2f", loadAfter)).append(", on ")
                    .append(Runtime.getRuntime().availableProcessors()).append(" CPUs; Java ")
                    .append(System.getProperty("java.version")).append("; max heap ")
                    .append(Runtime.getRuntime().maxMemory() / 1024 / 1024).append(" MiB; one-time prekeys per "
                            + "session ").append(PREKEYS).append(".\n");
        } finally {
            sandboxProcess.destroy();
        }
        Path out = Files.createDirectories(Path.of("target")).resolve("benchmark-results.md");
        Files.writeString(out, report.toString());
        System.out.println(report);
    }

    private Map<String, String> settings() throws Exception {
        SharedInfrastructure shared = SharedInfrastructure.get();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String topic = "wa.session.commands.bench-" + suffix;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                shared.kafka().bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 12, (short) 1))).all().get();
        }
        TestDatabase database = shared.postgres().createDatabase();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.port", "0");
        settings.put("spring.main.banner-mode", "off");
        settings.put("logging.level.io.wagate", "WARN");
        settings.putAll(InfrastructureSettings.of(database, shared.redis(), shared.redis().reserveDatabase(),
                shared.kafka().bootstrapServers()));
        settings.put("wagate.sessions.encryption.keys.bench", "hlHrMiC+EsLq42rflmatqo3uPtgeyIp1kprbyxOKRJA=");
        settings.put("wagate.sessions.encryption.active-key-id", "bench");
        settings.put("wagate.sessions.sandbox.url", sandbox.toString());
        settings.put("wagate.sessions.engine.pre-key-upload-batch", Integer.toString(PREKEYS));
        settings.put("wagate.sessions.engine.close-timeout", "60s");
        settings.put("wagate.sessions.ownership.commands-topic", topic);
        settings.put("wagate.sessions.ownership.consumer-group", "session-worker-bench-" + suffix);
        return settings;
    }

    private static ConfigurableApplicationContext startWorker(Map<String, String> settings, String workerId) {
        List<String> args = new ArrayList<>();
        settings.forEach((key, value) -> args.add("--" + key + "=" + value));
        args.add("--wagate.sessions.lease.worker-id=" + workerId);
        return new SpringApplicationBuilder(SessionWorkerApplication.class).run(args.toArray(String[]::new));
    }

    private List<Linked> linkAll(ConfigurableApplicationContext worker) throws Exception {
        EventPublisher publisher = worker.getBean(EventPublisher.class);
        ReactiveStringRedisTemplate redis = worker.getBean(ReactiveStringRedisTemplate.class);
        DatabaseClient database = worker.getBean(DatabaseClient.class);
        String topic = worker.getEnvironment().getRequiredProperty("wagate.sessions.ownership.commands-topic");
        Semaphore slots = new Semaphore(LINK_CONCURRENCY);
        List<Future<Linked>> all = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < SESSIONS; i++) {
                slots.acquire();
                all.add(threads.submit(() -> {
                    try {
                        return link(publisher, redis, database, topic);
                    } finally {
                        slots.release();
                    }
                }));
            }
            List<Linked> linked = new ArrayList<>();
            for (Future<Linked> one : all) {
                linked.add(one.get());
            }
            return linked;
        }
    }

    private Linked link(EventPublisher publisher, ReactiveStringRedisTemplate redis, DatabaseClient database,
            String topic) throws Exception {
        UUID id = UUID.randomUUID();
        UUID tenant = UUID.randomUUID();
        String name = "bench-" + id.toString().substring(0, 8);
        publisher.publish(topic, id.toString(), CloudEvent.create("/instance-service", tenant.toString(),
                id.toString(), name, new ConnectSession(name, Engine.SANDBOX, "bench"))).block(Duration.ofSeconds(30));
        String qr = poll(() -> redis.opsForValue().get("wagate:qr:" + id).block(Duration.ofSeconds(5)));
        Matcher number = NUMBER.matcher(post("/api/sandbox/phones", "{}").body());
        if (!number.find()) {
            throw new IllegalStateException("no phone number");
        }
        String phone = number.group(1);
        HttpResponse<String> scanned = post("/api/sandbox/phones/" + phone + "/scan",
                "{\"qr\":\"" + qr.substring(qr.indexOf('|', qr.indexOf('|') + 1) + 1) + "\"}");
        if (scanned.statusCode() != 200) {
            throw new IllegalStateException("scan failed: " + scanned.body());
        }
        poll(() -> database.sql("SELECT status FROM sessions WHERE instance_id = :id AND status = 'CONNECTED'")
                .bind("id", id).map(row -> row.get(0, String.class)).one().block(Duration.ofSeconds(5)));
        return new Linked(id, tenant, phone);
    }

    private int dropAll(List<Linked> linked) throws Exception {
        List<Future<HttpResponse<String>>> drops = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Linked session : linked) {
                drops.add(threads.submit(() -> post("/api/sandbox/faults",
                        "{\"type\":\"drop_socket\",\"number\":\"" + session.number() + "\"}")));
            }
            int dropped = 0;
            for (Future<HttpResponse<String>> drop : drops) {
                if (drop.get().statusCode() == 202) {
                    dropped++;
                }
            }
            return dropped;
        }
    }

    private static Duration awaitAllConnectedSince(DatabaseClient database, OffsetDateTime since)
            throws InterruptedException {
        Instant start = Instant.now();
        while (Duration.between(start, Instant.now()).compareTo(PHASE_LIMIT) < 0) {
            Long connected = database.sql("SELECT count(*) FROM sessions WHERE status = 'CONNECTED' "
                            + "AND updated_at > :since")
                    .bind("since", since).map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(30));
            if (connected != null && connected >= SESSIONS) {
                return Duration.between(start, Instant.now());
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Not all sessions CONNECTED within " + PHASE_LIMIT);
    }

    private static OffsetDateTime now(DatabaseClient database) {
        return database.sql("SELECT now()").map(row -> row.get(0, OffsetDateTime.class)).one()
                .block(Duration.ofSeconds(10));
    }

    /** A connection of its own for the moment no worker runs. */
    private static DatabaseClient database(Map<String, String> settings) {
        return DatabaseClient.create(io.r2dbc.spi.ConnectionFactories.get("r2dbc:postgresql://"
                + settings.get("wagate.postgres.username") + ":" + settings.get("wagate.postgres.password") + "@"
                + settings.get("wagate.postgres.host") + ":" + settings.get("wagate.postgres.port") + "/"
                + settings.get("wagate.postgres.database")));
    }

    private interface Step<T> {
        T get() throws Exception;
    }

    /** Polls until the step yields a value; a slow or failed read on a loaded machine is tried again. */
    private static <T> T poll(Step<T> step) throws Exception {
        Instant start = Instant.now();
        RuntimeException last = null;
        while (Duration.between(start, Instant.now()).compareTo(Duration.ofMinutes(5)) < 0) {
            try {
                T value = step.get();
                if (value != null) {
                    return value;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("timed out", last);
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(sandbox.resolve(path)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(500);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static Process startSandbox(int port) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx1g", "-Dwagate.sandbox.port=" + port, "-Dwagate.sandbox.host=127.0.0.1",
                "io.wagate.sandbox.SandboxApplication").redirectErrorStream(true)
                .redirectOutput(Files.createDirectories(Path.of("target")).resolve("bench-sandbox.log").toFile());
        builder.environment().put("CLASSPATH", classPath);
        Process process = builder.start();
        URI health = URI.create("http://127.0.0.1:" + port + "/api/sandbox/health");
        poll(() -> {
            try {
                return HTTP.send(HttpRequest.newBuilder(health).GET().build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200 ? Boolean.TRUE : null;
            } catch (IOException e) {
                return null;
            }
        });
        return process;
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f", duration.toMillis() / 1000.0);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
