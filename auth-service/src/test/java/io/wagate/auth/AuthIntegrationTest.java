package io.wagate.auth;

import static org.awaitility.Awaitility.await;

import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.Topics;
import io.wagate.contracts.platform.InstanceCreated;
import io.wagate.contracts.session.Engine;
import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.kafka.EventPublisher;
import io.wagate.support.testing.GatewayTokens;
import io.wagate.testsupport.SlowRequests;
import io.wagate.testsupport.WagateInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one Spring context of the module's integration tests: every class extends this and adds nothing to the
 * configuration, so the context (and its database) starts once. Tests create their own tenants.
 */
@WagateInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // Test-only: bcrypt cost 4 instead of the production 12 (application.yml), because nearly every test
        // signs up and logs in and cost 12 would add minutes to the module's run.
        "wagate.auth.password.bcrypt-cost=4",
        "wagate.auth.signing.generate-local-key=true",
        "wagate.outbox.poll-interval=200ms",
        "wagate.kafka.partitions=3",
        "wagate.auth.api-keys.retirement-check-interval=300ms",
        // Tests flush last-use times themselves, to observe them deterministically.
        "wagate.auth.api-keys.last-used-flush-interval=1h"})
@Import(KafkaProbe.class)
public abstract class AuthIntegrationTest {

    protected static final String PASSWORD = "correct horse battery";
    protected static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @LocalServerPort
    int port;

    @Autowired
    protected DatabaseClient database;

    @Autowired
    protected KafkaProbe kafka;

    @Autowired
    protected EventPublisher publisher;

    protected WebTestClient http;

    /** A registered owner, as tests use it. */
    public record Account(UUID userId, UUID tenantId, String email, String password) {
    }

    @BeforeEach
    void client() {
        http = SlowRequests.watchedClient(port);
    }

    protected static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    /** A client address of its own, so one test's failures never lock another's logins. */
    protected static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    protected Account register() {
        String email = uniqueEmail();
        Map<String, Object> body = http.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", PASSWORD, "name", "Ada Lovelace",
                        "organization", "Org " + email))
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        return new Account(UUID.fromString((String) body.get("userId")), UUID.fromString((String) body.get("tenantId")),
                email, PASSWORD);
    }

    protected WebTestClient.ResponseSpec login(String email, String password, String address) {
        return http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", address)
                .bodyValue(Map.of("email", email, "password", password)).exchange();
    }

    protected Map<String, Object> loginOk(Account account) {
        return login(account.email(), account.password(), randomAddress()).expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();
    }

    /** The internal token the gateway would forward for this user with these roles. */
    protected static String userToken(UUID tenantId, UUID userId, String... roles) {
        return GatewayTokens.user(tenantId, userId, roles);
    }

    protected static String ownerToken(Account account) {
        return userToken(account.tenantId(), account.userId(), InternalIdentity.OWNER);
    }

    protected static String keyToken(UUID tenantId, UUID instanceId) {
        return GatewayTokens.apiKey(tenantId, instanceId, "messages:send");
    }

    /** Plays instance-service: announces an instance and waits until auth-service projected it. */
    protected UUID instanceOf(UUID tenantId, Engine engine) {
        UUID instanceId = UUID.randomUUID();
        publisher.publish(Topics.INSTANCE_EVENTS, instanceId.toString(), CloudEvent.create("/instance-service",
                tenantId.toString(), instanceId.toString(), "bot", new InstanceCreated(instanceId, tenantId,
                        "bot-" + instanceId, engine))).block(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> count("known_instances WHERE id = '" + instanceId + "'") == 1);
        return instanceId;
    }

    protected long count(String tableAndCondition) {
        Long n = database.sql("SELECT count(*) AS n FROM " + tableAndCondition).map(row -> row.get("n", Long.class))
                .one().block();
        return n == null ? 0 : n;
    }

    /** Row counts of every table a request could write, to prove a rejected request wrote nothing. */
    protected Map<String, Long> rowCounts() {
        return Map.of("tenants", count("tenants"), "users", count("users"), "memberships", count("memberships"),
                "refresh_tokens", count("refresh_tokens"), "invites", count("invites"), "api_keys", count("api_keys"),
                "audit_log", count("audit_log"), "outbox_event", count("outbox_event"));
    }

    protected static List<String> tables() {
        return List.of("tenants", "users", "memberships", "refresh_tokens", "invites", "api_keys", "audit_log",
                "outbox_event");
    }
}
