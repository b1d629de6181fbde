package io.wagate.billing;

import static org.awaitility.Awaitility.await;

import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.EventData;
import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.identity.InternalTokens;
import io.wagate.support.kafka.EventPublisher;
import io.wagate.support.testing.GatewayTokens;
import io.wagate.testsupport.KafkaRecords;
import io.wagate.testsupport.SlowRequests;
import io.wagate.testsupport.WagateInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one application context of the module's integration tests (real PostgreSQL, Redis and Kafka), with a tiny
 * extra plan so that the daily quota can be reached with a handful of events.
 */
@WagateInfrastructure
@SpringBootTest(classes = BillingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wagate.billing.plans.tiny.name=Tiny", "wagate.billing.plans.tiny.max-instances=1",
                "wagate.billing.plans.tiny.requests-per-minute=60", "wagate.billing.plans.tiny.daily-message-quota=3"})
@Import(KafkaRecords.class)
public abstract class BillingIntegrationTest {

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

    protected static String user(UUID tenantId, String... roles) {
        return GatewayTokens.user(tenantId, roles);
    }

    protected static String apiKey(UUID tenantId) {
        return GatewayTokens.apiKey(tenantId, UUID.randomUUID(), "instance:read");
    }

    protected static String operator() {
        return user(UUID.randomUUID(), InternalIdentity.OPERATOR);
    }

    protected WebTestClient.ResponseSpec put(String token, String path, String json) {
        return http.put().uri(path).header(InternalTokens.HEADER, token).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json).exchange();
    }

    protected WebTestClient.ResponseSpec get(String token, String path) {
        return http.get().uri(path).header(InternalTokens.HEADER, token).exchange();
    }

    /**
     * The payloads of a topic's events with the key once this service's outbox has published everything committed
     * so far: the relay runs after the commit, so reading right after an answer would race it.
     */
    protected List<EventData> publishedData(String topic, String key) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> database
                .sql("SELECT count(*) FROM outbox_event WHERE published_at IS NULL")
                .map(row -> row.get(0, Long.class)).one().block() == 0);
        return kafka.dataWithKey(topic, key);
    }

    protected void publish(String topic, String key, UUID tenantId, EventData data) {
        publisher.publish(topic, key, CloudEvent.create("/test", tenantId.toString(), null, null, data))
                .block(Duration.ofSeconds(10));
    }
}
