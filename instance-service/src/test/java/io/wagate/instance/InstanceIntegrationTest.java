package io.wagate.instance;

import static org.awaitility.Awaitility.await;

import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.EventCodec;
import io.wagate.contracts.EventData;
import io.wagate.contracts.Topics;
import io.wagate.contracts.platform.PlanLimits;
import io.wagate.contracts.platform.SubscriptionChanged;
import io.wagate.contracts.platform.SubscriptionStatus;
import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.identity.InternalTokens;
import io.wagate.support.kafka.EventPublisher;
import io.wagate.support.testing.GatewayTokens;
import io.wagate.testsupport.KafkaRecords;
import io.wagate.testsupport.SlowRequests;
import io.wagate.testsupport.WagateInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one application context of the module's integration tests (real PostgreSQL, Redis and Kafka). Tests isolate
 * themselves by working in fresh tenants.
 */
@WagateInfrastructure
@SpringBootTest(classes = InstanceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "wagate.instances.logs.max-lines-per-instance=20")
@Import(KafkaRecords.class)
public abstract class InstanceIntegrationTest {

    private static final AtomicInteger NAMES = new AtomicInteger();

    @LocalServerPort
    protected int port;
    @Autowired
    protected EventPublisher publisher;
    @Autowired
    protected KafkaRecords kafka;
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

        public String owner() {
            return user(InternalIdentity.OWNER);
        }

        public String apiKey(UUID instanceId, String... scopes) {
            return GatewayTokens.apiKey(id, instanceId, scopes);
        }
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

    protected WebTestClient.ResponseSpec createInstance(String token, String name, String engine) {
        return http.post().uri("/api/instances")
                .header(InternalTokens.HEADER, token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "engine", engine, "description", "test instance"))
                .exchange();
    }

    /** Creates an instance as the tenant's owner and returns its id. */
    protected UUID createdInstance(Tenant tenant, String name) {
        String id = createInstance(tenant.owner(), name, "sandbox")
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        return UUID.fromString(id);
    }

    protected WebTestClient.ResponseSpec get(String token, String path) {
        return http.get().uri(path).header(InternalTokens.HEADER, token).exchange();
    }

    protected WebTestClient.ResponseSpec post(String token, String path) {
        return http.post().uri(path).header(InternalTokens.HEADER, token).exchange();
    }

    /** Publishes a session event as the session-worker would. */
    protected CloudEvent<?> sessionEvent(Tenant tenant, UUID instanceId, EventData data) {
        CloudEvent<?> event = CloudEvent.create("/session-worker", tenant.id().toString(), instanceId.toString(), null,
                data);
        publish(Topics.SESSION_EVENTS, instanceId.toString(), event);
        return event;
    }

    protected void publish(String topic, String key, CloudEvent<?> event) {
        publisher.publish(topic, key, event).block(Duration.ofSeconds(10));
    }

    /** Publishes a subscription change as billing-service would. */
    protected void subscription(Tenant tenant, long version, String plan, int maxInstances) {
        publish(Topics.SUBSCRIPTION_EVENTS, tenant.id().toString(), CloudEvent.create("/billing-service",
                tenant.id().toString(), null, null, new SubscriptionChanged(tenant.id(), version, plan, null,
                        SubscriptionStatus.ACTIVE, new PlanLimits(maxInstances, 600, 1000), Instant.now())));
    }

    /** The projected status state of the instance, read as the owner. */
    protected String state(Tenant tenant, String name) {
        return String.valueOf(((Map<?, ?>) get(tenant.owner(), "/api/instances/" + name).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("status")).get("state"));
    }

    protected long lastSequence(UUID instanceId) {
        return database.sql("SELECT last_sequence FROM instance WHERE id = :id").bind("id", instanceId)
                .map(row -> row.get(0, Long.class)).one().blockOptional().orElse(-1L);
    }

    /**
     * The records of a topic with the key once this service's outbox has published everything committed so far:
     * the relay runs after the commit, so reading right after an HTTP answer would race it.
     */
    protected List<ConsumerRecord<String, byte[]>> published(String topic, String key) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> database
                .sql("SELECT count(*) FROM outbox_event WHERE published_at IS NULL")
                .map(row -> row.get(0, Long.class)).one().block() == 0);
        return kafka.withKey(topic, key);
    }

    protected List<EventData> publishedData(String topic, String key) {
        return published(topic, key).stream()
                .<EventData>map(record -> EventCodec.standard().decode(record.value()).data()).toList();
    }

    protected List<CloudEvent<?>> publishedEvents(String topic, String key) {
        return published(topic, key).stream()
                .<CloudEvent<?>>map(record -> EventCodec.standard().decode(record.value())).toList();
    }

    protected long count(String sql, UUID tenantId) {
        return database.sql(sql).bind("tenant", tenantId).map(row -> row.get(0, Long.class)).one().block();
    }
}
