package io.wagate.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.Topics;
import io.wagate.contracts.session.ConnectSession;
import io.wagate.contracts.session.DisconnectSession;
import io.wagate.contracts.session.Engine;
import io.wagate.contracts.session.QrCodeUpdated;
import io.wagate.contracts.session.SessionCommand;
import io.wagate.contracts.session.SessionReason;
import io.wagate.contracts.session.SessionStatus;
import io.wagate.sandbox.SandboxConfig;
import io.wagate.sandbox.SandboxServer;
import io.wagate.support.kafka.EventPublisher;
import io.wagate.testsupport.WagateInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one application context of the module's tests: real PostgreSQL, Redis and Kafka, and a sandbox embedded in
 * the test JVM whose QR timing is 20 times faster (3 s first code, 1 s each next). Tests isolate themselves by
 * using fresh instance ids and sandbox phones.
 */
@WagateInfrastructure
@SpringBootTest(classes = SessionWorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "wagate.sessions.encryption.keys.test-1=hlHrMiC+EsLq42rflmatqo3uPtgeyIp1kprbyxOKRJA=",
                "wagate.sessions.encryption.active-key-id=test-1",
                "wagate.sessions.reconnect.initial-delay=50ms",
                "wagate.sessions.reconnect.max-delay=200ms",
                "wagate.sessions.reconnect.max-attempts=5",
                "wagate.sessions.engine.first-qr-timeout=3s",
                "wagate.sessions.engine.next-qr-timeout=1s",
                "wagate.sessions.engine.connect-timeout=5s",
                "wagate.sessions.engine.iq-timeout=5s",
                "wagate.sessions.engine.pre-key-upload-batch=30",
                "wagate.sessions.engine.close-timeout=3s",
                "wagate.sessions.ownership.adoption-spread=100ms",
                "wagate.sessions.lease.ttl=3s",
                "wagate.sessions.lease.renew-interval=500ms",
                "wagate.sessions.lease.acquire-timeout=5s",
                "wagate.sessions.lease.acquire-retry-delay=100ms",
                // Fail fast instead of blocking when the test JVM stops the broker before the context.
                "spring.kafka.producer.properties.max.block.ms=5000",
                "spring.kafka.producer.properties.request.timeout.ms=4000",
                "spring.kafka.producer.properties.delivery.timeout.ms=8000"})
@Import(SessionEvents.class)
public abstract class SessionWorkerIntegrationTest {

    protected static final SandboxServer SANDBOX = SandboxServer.start(SandboxConfig.forTests(20));
    protected static final Duration WAIT = Duration.ofSeconds(15);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern NUMBER = Pattern.compile("\"number\"\\s*:\\s*\"(\\d+)\"");

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SANDBOX::close));
    }

    @Autowired
    protected EventPublisher publisher;
    @Autowired
    protected SessionEvents events;
    @Autowired
    protected DatabaseClient database;

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        registry.add("wagate.sessions.sandbox.url", () -> SANDBOX.httpBase().toString());
    }

    /** A new instance of a new tenant, as instance-service would create it. */
    protected record Instance(UUID id, UUID tenantId, String name) {
    }

    protected static Instance newInstance() {
        UUID id = UUID.randomUUID();
        return new Instance(id, UUID.randomUUID(), "bot-" + id.toString().substring(0, 8));
    }

    protected void command(Instance instance, SessionCommand command) {
        CloudEvent<?> event = CloudEvent.create("/instance-service", instance.tenantId().toString(),
                instance.id().toString(), instance.name(), command);
        publisher.publish(commandsTopic(), instance.id().toString(), event).block(WAIT);
    }

    /** Where {@link #command} publishes; tests running worker groups of their own use a topic of their own. */
    protected String commandsTopic() {
        return Topics.SESSION_COMMANDS;
    }

    /** Connects the instance, scans its first QR with a new sandbox phone and waits until it is CONNECTED. */
    protected String linked(Instance instance) {
        command(instance, new ConnectSession(instance.name(), Engine.SANDBOX, "system"));
        QrCodeUpdated qr = events.awaitData(instance.id(), QrCodeUpdated.class, any -> true);
        String number = createPhone();
        assertThat(scan(number, qr.qr()).statusCode()).isEqualTo(200);
        events.awaitStatus(instance.id(), SessionStatus.CONNECTED, SessionReason.LOGGED_IN);
        return number;
    }

    /**
     * Disconnects the instance and waits for it: tests leave no live session behind, so the shared context's
     * shutdown has nothing to drain while the test infrastructure stops.
     */
    protected void disconnect(Instance instance) {
        long before = events.of(instance.id()).getLast().sequence();
        command(instance, new DisconnectSession("system"));
        events.awaitStatus(instance.id(), SessionStatus.DISCONNECTED, SessionReason.REQUESTED, before);
    }

    protected static String createPhone() {
        HttpResponse<String> created = post("/api/sandbox/phones", "{}");
        assertThat(created.statusCode()).isEqualTo(201);
        Matcher number = NUMBER.matcher(created.body());
        assertThat(number.find()).isTrue();
        return number.group(1);
    }

    protected static HttpResponse<String> scan(String number, String qr) {
        return post("/api/sandbox/phones/" + number + "/scan", "{\"qr\":\"" + qr + "\"}");
    }

    protected static HttpResponse<String> fault(String type, String number) {
        return post("/api/sandbox/faults", "{\"type\":\"" + type + "\",\"number\":\"" + number + "\"}");
    }

    protected static HttpResponse<String> post(String path, String json) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(SANDBOX.httpBase() + path))
                    .header("Content-Type", "application/json")
                    .timeout(WAIT)
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("sandbox call failed: " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    protected long count(String sql, UUID instanceId) {
        Long count = database.sql(sql).bind("id", instanceId).map(row -> row.get(0, Long.class)).one().block(WAIT);
        return count == null ? 0 : count;
    }
}
