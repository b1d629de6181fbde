package io.wagate.webhook;

import static org.awaitility.Awaitility.await;

import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.EventData;
import io.wagate.contracts.Topics;
import io.wagate.contracts.platform.InstanceCreated;
import io.wagate.contracts.session.Engine;
import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.identity.InternalTokens;
import io.wagate.support.kafka.EventPublisher;
import io.wagate.support.testing.GatewayTokens;
import io.wagate.testsupport.SlowRequests;
import io.wagate.testsupport.WagateInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one application context of the module's integration tests (real PostgreSQL and Kafka). Sinks listen on
 * 127.0.0.1, which the test configuration allows over http and past the SSRF guard; the retry schedule is
 * compressed to milliseconds. Tests isolate themselves by working in fresh tenants and instances.
 */
@WagateInfrastructure
@SpringBootTest(classes = WebhookDispatcherApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "wagate.webhooks.secret-key=" + WebhookIntegrationTest.SECRET_KEY,
                "wagate.webhooks.allowed-insecure-hosts=127.0.0.1",
                "wagate.webhooks.allowed-private-hosts=127.0.0.1",
                "wagate.webhooks.retry-schedule=0s,300ms,600ms",
                "wagate.webhooks.retry-jitter=0",
                "wagate.webhooks.request-timeout=2s",
                "wagate.webhooks.circuit-breaker.minimum-calls=4",
                "wagate.webhooks.circuit-breaker.window=4",
                "wagate.webhooks.circuit-breaker.open-for=1m",
                "wagate.webhooks.rate-limit.per-second=5",
                "wagate.webhooks.busy-delay=200ms",
                "wagate.webhooks.max-queued-per-endpoint=2",
                "wagate.webhooks.shutdown-grace=1s",
                "wagate.kafka.partitions=2"})
public abstract class WebhookIntegrationTest {

    /** 32 bytes, Base64: the test key that encrypts endpoint secrets. */
    public static final String SECRET_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    protected static final String ENDPOINTS = "/api/webhooks/endpoints";

    private static final AtomicInteger NAMES = new AtomicInteger();

    @LocalServerPort
    protected int port;
    @Autowired
    protected EventPublisher publisher;
    @Autowired
    protected DatabaseClient database;

    protected WebTestClient http;

    @BeforeEach
    void client() {
        http = SlowRequests.watchedClient(port);
    }

    /** A tenant of its own for one test. */
    protected record Tenant(UUID id) {

        public String user(String... roles) {
            return GatewayTokens.user(id, roles);
        }

        public String developer() {
            return user(InternalIdentity.DEVELOPER);
        }

        public String apiKey(UUID instanceId, String... scopes) {
            return GatewayTokens.apiKey(id, instanceId, scopes);
        }
    }

    /** An instance this service learned about from instance-service's event. */
    protected record Instance(UUID id, String name) {
    }

    protected static Tenant newTenant() {
        return new Tenant(UUID.randomUUID());
    }

    protected static String token(InternalIdentity identity) {
        return GatewayTokens.of(identity);
    }

    protected static String uniqueName(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100000, 36);
    }

    /** Announces an instance as instance-service would and waits until the projection has it. */
    protected Instance instance(Tenant tenant) {
        UUID id = UUID.randomUUID();
        String name = uniqueName("inst");
        publish(Topics.INSTANCE_EVENTS, id.toString(), CloudEvent.create("/instance-service", tenant.id().toString(),
                id.toString(), name, new InstanceCreated(id, tenant.id(), name, Engine.SANDBOX)));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> count("SELECT count(*) FROM known_instance WHERE id = :id", id) == 1);
        return new Instance(id, name);
    }

    protected WebTestClient.ResponseSpec createEndpoint(String token, Object body) {
        return http.post().uri(ENDPOINTS).header(InternalTokens.HEADER, token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** Creates an endpoint as a developer and returns the answer (with the secret). */
    protected Map<String, Object> endpoint(Tenant tenant, Instance instance, String url, String... eventTypes) {
        @SuppressWarnings("unchecked")
        Map<String, Object> created = createEndpoint(tenant.developer(), Map.of("instance", instance.name(),
                "url", url, "eventTypes", List.of(eventTypes)))
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return created;
    }

    protected CloudEvent<?> sessionEvent(Tenant tenant, Instance instance, EventData data) {
        CloudEvent<?> event = CloudEvent.create("/session-worker", tenant.id().toString(), instance.id().toString(),
                null, data);
        publish(Topics.SESSION_EVENTS, instance.id().toString(), event);
        return event;
    }

    protected CloudEvent<?> messageEvent(Tenant tenant, Instance instance, EventData data) {
        CloudEvent<?> event = CloudEvent.create("/session-worker", tenant.id().toString(), instance.id().toString(),
                null, data);
        publish(Topics.MESSAGE_EVENTS, instance.id().toString(), event);
        return event;
    }

    protected void publish(String topic, String key, CloudEvent<?> event) {
        publisher.publish(topic, key, event).block(Duration.ofSeconds(10));
    }

    protected long count(String sql, UUID id) {
        return database.sql(sql).bind("id", id).map(row -> row.get(0, Long.class)).one().block();
    }
}
