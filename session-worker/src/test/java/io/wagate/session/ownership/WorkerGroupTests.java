package io.wagate.session.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wagate.contracts.session.QrCodeUpdated;
import io.wagate.contracts.session.SessionReason;
import io.wagate.contracts.session.SessionStatus;
import io.wagate.contracts.session.SessionStatusChanged;
import io.wagate.sandbox.history.Overlap;
import io.wagate.session.SessionWorkerApplication;
import io.wagate.session.SessionWorkerIntegrationTest;
import io.wagate.session.lease.SessionLeases;
import io.wagate.testsupport.InfrastructureSettings;
import io.wagate.testsupport.SharedInfrastructure;
import io.wagate.testsupport.TestDatabase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Several workers in one consumer group on a commands topic of their own, sharing a database and a Redis database,
 * as a deployment would. The shared test context listens on the regular topic and never sees these instances.
 */
class WorkerGroupTests extends SessionWorkerIntegrationTest {

    private static final int PARTITIONS = 4;
    private static final Duration MOVE = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<ConfigurableApplicationContext> workers = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private final Map<String, String> group = new LinkedHashMap<>();
    private String topic = "";
    private String groupId = "";

    @Override
    protected String commandsTopic() {
        return topic;
    }

    @BeforeEach
    void newGroup() throws ExecutionException, InterruptedException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        topic = "wa.session.commands.group-test-" + suffix;
        groupId = "session-worker-group-test-" + suffix;
        SharedInfrastructure shared = SharedInfrastructure.get();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
        }
        TestDatabase database = shared.postgres().createDatabase();
        group.putAll(InfrastructureSettings.of(database, shared.redis(), shared.redis().reserveDatabase(),
                shared.kafka().bootstrapServers()));
        group.put("wagate.sessions.encryption.keys.test-1", "hlHrMiC+EsLq42rflmatqo3uPtgeyIp1kprbyxOKRJA=");
        group.put("wagate.sessions.encryption.active-key-id", "test-1");
        group.put("wagate.sessions.sandbox.url", SANDBOX.httpBase().toString());
        group.put("wagate.sessions.reconnect.initial-delay", "50ms");
        group.put("wagate.sessions.reconnect.max-delay", "200ms");
        group.put("wagate.sessions.engine.first-qr-timeout", "3s");
        group.put("wagate.sessions.engine.next-qr-timeout", "1s");
        group.put("wagate.sessions.engine.connect-timeout", "5s");
        group.put("wagate.sessions.engine.iq-timeout", "5s");
        group.put("wagate.sessions.engine.pre-key-upload-batch", "30");
        group.put("wagate.sessions.engine.close-timeout", "3s");
        group.put("wagate.sessions.ownership.adoption-spread", "200ms");
        group.put("wagate.sessions.ownership.adoption-concurrency", "2");
        group.put("wagate.sessions.ownership.commands-topic", topic);
        group.put("wagate.sessions.ownership.consumer-group", groupId);
        group.put("wagate.sessions.lease.ttl", "3s");
        group.put("wagate.sessions.lease.renew-interval", "500ms");
        group.put("wagate.sessions.lease.acquire-timeout", "20s");
        group.put("wagate.sessions.lease.acquire-retry-delay", "200ms");
        // A worker that vanished is noticed by the group after this (the broker's minimum).
        group.put("spring.kafka.consumer.properties.session.timeout.ms", "6000");
        group.put("spring.kafka.consumer.properties.heartbeat.interval.ms", "1000");
        group.put("spring.kafka.producer.properties.max.block.ms", "5000");
        group.put("spring.kafka.producer.properties.delivery.timeout.ms", "8000");
        group.put("spring.kafka.producer.properties.request.timeout.ms", "4000");
        group.put("spring.main.banner-mode", "off");
    }

    @AfterEach
    void stopWorkers() {
        processes.forEach(Process::destroyForcibly);
        workers.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void scalingOutAndBackInMovesSessionsWithoutLosingOneOrShowingANewQrCode() {
        ConfigurableApplicationContext first = startWorker("worker-1");
        List<Instance> instances = onEveryPartition();
        Map<UUID, Long> linkedAt = linkAll(instances);
        assertThat(instances).allSatisfy(instance -> assertThat(holder(first, instance)).startsWith("worker-1|"));

        ConfigurableApplicationContext second = startWorker("worker-2");
        await().atMost(MOVE).untilAsserted(() -> {
            assertThat(instances).allSatisfy(instance -> assertThat(lastStatus(instance))
                    .isEqualTo(SessionStatus.CONNECTED));
            assertThat(instances).filteredOn(instance -> holder(first, instance).startsWith("worker-2|"))
                    .hasSize(PARTITIONS / 2);
            assertThat(instances).filteredOn(instance -> holder(first, instance).startsWith("worker-1|"))
                    .hasSize(PARTITIONS / 2);
        });
        List<Instance> moved = instances.stream()
                .filter(instance -> holder(first, instance).startsWith("worker-2|")).toList();
        assertThat(moved).allSatisfy(instance -> {
            // Closed on the first worker before the second one connected it.
            SessionStatusChanged handedOver = events.awaitStatus(instance.id(), SessionStatus.DISCONNECTED,
                    SessionReason.WORKER_SHUTDOWN, linkedAt.get(instance.id()));
            events.awaitStatus(instance.id(), SessionStatus.CONNECTED, SessionReason.LOGGED_IN,
                    handedOver.sequence());
        });

        second.close();
        await().atMost(MOVE).untilAsserted(() -> assertThat(instances).allSatisfy(instance -> {
            assertThat(holder(first, instance)).startsWith("worker-1|");
            assertThat(lastStatus(instance)).isEqualTo(SessionStatus.CONNECTED);
        }));

        assertNoNewQrCodeAndNoOverlap(instances, linkedAt);
    }

    @Test
    void theSessionsOfAKilledWorkerConnectOnTheOtherWorkerWithoutOverlap() throws Exception {
        Process doomed = startWorkerProcess("worker-doomed");
        ConfigurableApplicationContext survivor = startWorker("worker-survivor");
        awaitMembersWithPartitions(2);
        List<Instance> instances = onEveryPartition();
        Map<UUID, Long> linkedAt = linkAll(instances);
        List<Instance> onDoomed = instances.stream()
                .filter(instance -> holder(survivor, instance).startsWith("worker-doomed|")).toList();
        assertThat(onDoomed).isNotEmpty();

        // SIGKILL: no revocation, no last status, no lease release; the OS closes the process's sockets.
        doomed.destroyForcibly().waitFor();
        long killedAt = System.nanoTime();
        await().atMost(MOVE).untilAsserted(() -> assertThat(instances).allSatisfy(instance -> {
            assertThat(holder(survivor, instance)).startsWith("worker-survivor|");
            assertThat(lastStatus(instance)).isEqualTo(SessionStatus.CONNECTED);
        }));
        Duration moved = Duration.ofNanos(System.nanoTime() - killedAt);
        LoggerFactory.getLogger(WorkerGroupTests.class).info("The killed worker's sessions were connected on the "
                + "survivor {} ms after the kill", moved.toMillis());
        assertThat(moved).isLessThan(MOVE);
        assertThat(onDoomed).allSatisfy(instance -> assertThat(events.statuses(instance.id()).getLast().reason())
                .isEqualTo(SessionReason.LOGGED_IN));

        assertNoNewQrCodeAndNoOverlap(instances, linkedAt);
    }

    private void assertNoNewQrCodeAndNoOverlap(List<Instance> instances, Map<UUID, Long> linkedAt) {
        assertThat(instances).allSatisfy(instance -> assertThat(events.of(instance.id()))
                .filteredOn(event -> event instanceof QrCodeUpdated && event.sequence() > linkedAt.get(instance.id()))
                .isEmpty());
        List<String> phones = instances.stream().map(instance -> phoneOf.get(instance.id())).toList();
        List<Overlap> overlaps = SANDBOX.history().overlaps().stream()
                .filter(overlap -> phones.stream().anyMatch(phone -> overlap.deviceJid().startsWith(phone)))
                .toList();
        assertThat(overlaps).as("connections of one device that were live at the same time").isEmpty();
    }

    private final Map<UUID, String> phoneOf = new HashMap<>();

    private Map<UUID, Long> linkAll(List<Instance> instances) {
        Map<UUID, Long> linkedAt = new HashMap<>();
        for (Instance instance : instances) {
            phoneOf.put(instance.id(), linked(instance));
            linkedAt.put(instance.id(), events.awaitStatus(instance.id(), SessionStatus.CONNECTED,
                    SessionReason.LOGGED_IN).sequence());
        }
        return linkedAt;
    }

    /** One new instance on each partition, so that every worker of the group owns some. */
    private static List<Instance> onEveryPartition() {
        Map<Integer, Instance> byPartition = new HashMap<>();
        while (byPartition.size() < PARTITIONS) {
            Instance instance = newInstance();
            byPartition.putIfAbsent(Partitions.of(instance.id(), PARTITIONS), instance);
        }
        return List.copyOf(byPartition.values());
    }

    private SessionStatus lastStatus(Instance instance) {
        return events.statuses(instance.id()).getLast().status();
    }

    private static String holder(ConfigurableApplicationContext worker, Instance instance) {
        return Optional.ofNullable(worker.getBean(SessionLeases.class).holder(instance.id()).block(WAIT)).orElse("");
    }

    private ConfigurableApplicationContext startWorker(String workerId) {
        List<String> args = new ArrayList<>(arguments(workerId));
        args.add("--server.port=0");
        ConfigurableApplicationContext worker = new SpringApplicationBuilder(SessionWorkerApplication.class,
                OwnNettyResources.class).run(args.toArray(String[]::new));
        workers.add(worker);
        await().atMost(MOVE).until(() -> worker.getBean(AdoptionProgress.class).settled());
        return worker;
    }

    /**
     * The worker in a JVM of its own, so that it can be killed the way a crash or an evicted pod ends: all at once,
     * with no shutdown code running.
     */
    private Process startWorkerProcess(String workerId) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                SessionWorkerApplication.class.getName()));
        command.addAll(arguments(workerId));
        command.add("--server.port=" + port);
        Path log = Files.createDirectories(Path.of("target")).resolve("worker-" + workerId + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("CLASSPATH", testClassPath());
        Process process = builder.start();
        processes.add(process);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(process.isAlive()).as("worker process (log: %s)", log).isTrue();
            return readiness(port) == 200;
        });
        return process;
    }

    private List<String> arguments(String workerId) {
        List<String> args = new ArrayList<>();
        group.forEach((key, value) -> args.add("--" + key + "=" + value));
        args.add("--wagate.sessions.lease.worker-id=" + workerId);
        return args;
    }

    private void awaitMembersWithPartitions(int members) {
        await().atMost(MOVE).untilAsserted(() -> {
            try (Admin admin = admin()) {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(groupId))
                        .describedGroups().get(groupId).get();
                assertThat(description.members()).hasSize(members).allSatisfy(member -> assertThat(
                        member.assignment().topicPartitions()).isNotEmpty());
            }
        });
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfrastructure.get().kafka().bootstrapServers()));
    }

    private static int readiness(int port) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /**
     * By default a context's Netty resources are the JVM's global ones, and closing the context disposes them: that
     * would also stop the sandbox embedded in this JVM. A worker of these tests gets resources of its own.
     */
    @Configuration(proxyBeanMethods = false)
    static class OwnNettyResources {

        @Bean
        ReactorResourceFactory reactorResourceFactory() {
            ReactorResourceFactory resources = new ReactorResourceFactory();
            resources.setUseGlobalResources(false);
            return resources;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
