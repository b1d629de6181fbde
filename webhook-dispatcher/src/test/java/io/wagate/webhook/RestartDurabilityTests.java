package io.wagate.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.identity.InternalTokens;
import io.wagate.support.testing.GatewayTokens;
import io.wagate.testsupport.InfrastructureSettings;
import io.wagate.testsupport.TestDatabase;
import io.wagate.testsupport.TestInfrastructure;
import io.wagate.testsupport.WagateInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A dispatcher stopped while deliveries wait in the retry topics and while attempts are in flight (no grace: its
 * unfinished work is neither logged nor committed) loses nothing: a new dispatcher with the same database and
 * consumer groups delivers every event, each under one webhook id. Runs its own two application contexts, one after
 * the other, in consumer groups of their own.
 */
@WagateInfrastructure
class RestartDurabilityTests {

    private static final int EVENTS = 5;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aDispatcherStoppedDuringRetriesLosesNothingAfterARestart(TestInfrastructure infrastructure) {
        UUID tenant = UUID.randomUUID();
        UUID instance = UUID.randomUUID();
        String developer = GatewayTokens.user(tenant, InternalIdentity.DEVELOPER);
        List<String> arguments = arguments(infrastructure);
        try (Sink sink = new Sink(500)) {
            List<String> webhookIds = new ArrayList<>();
            UUID endpointId;
            try (ConfigurableApplicationContext first = start(arguments)) {
                DatabaseClient database = first.getBean(DatabaseClient.class);
                database.sql("INSERT INTO known_instance (id, tenant_id, name) VALUES (:id, :tenant, 'restart-bot')")
                        .bind("id", instance).bind("tenant", tenant).then().block();
                WebTestClient http = client(first);
                Map<?, ?> endpoint = http.post().uri("/api/webhooks/endpoints").header(InternalTokens.HEADER, developer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("instance", "restart-bot", "url", sink.url(), "eventTypes", List.of("*")))
                        .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
                endpointId = UUID.fromString((String) endpoint.get("id"));
                for (int i = 0; i < EVENTS; i++) {
                    Map<?, ?> sent = http.post().uri("/api/webhooks/endpoints/" + endpointId + "/test?wait=false")
                            .header(InternalTokens.HEADER, developer).exchange().expectStatus().isAccepted()
                            .expectBody(Map.class).returnResult().getResponseBody();
                    webhookIds.add((String) sent.get("webhookId"));
                }
                // Every first attempt failed and is logged: the jobs now wait in webhooks.retry.1.
                await().atMost(WAIT).until(() -> attempts(database, endpointId, 500) == EVENTS);
                // The second attempts start and hang: they are in flight when the dispatcher stops. A worker of the
                // retry topic that joins its group meanwhile takes over a partition whose jobs are in flight and
                // repeats them (at least once, docs/webhooks.md), so an event may show up more than twice here.
                sink.hang(true);
                await().atMost(WAIT).until(() -> byWebhookId(sink.received()).values().stream()
                        .filter(count -> count >= 2).count() == EVENTS);
            }
            assertThat(byWebhookId(sink.received())).hasSize(EVENTS)
                    .allSatisfy((webhookId, count) -> assertThat(count).isGreaterThanOrEqualTo(2));

            sink.answer(200);
            try (ConfigurableApplicationContext second = start(arguments)) {
                DatabaseClient database = second.getBean(DatabaseClient.class);
                await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                        .untilAsserted(() -> assertThat(successes(database, endpointId))
                                .as(() -> "attempts: " + log(database, endpointId)).containsAll(webhookIds));
            }
            assertThat(Set.copyOf(webhookIds)).hasSize(EVENTS);
            Map<String, Long> requests = byWebhookId(sink.received());
            assertThat(requests.keySet()).containsExactlyInAnyOrderElementsOf(webhookIds);
            // Each: the failed first attempt, the one cut off by the stop, then at least the one after the restart.
            assertThat(requests.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(3));
        }
    }

    private static Map<String, Long> byWebhookId(List<Sink.Received> received) {
        return received.stream().collect(Collectors.groupingBy(request -> request.header("webhook-id"),
                Collectors.counting()));
    }

    private static List<String> arguments(TestInfrastructure infrastructure) {
        TestDatabase database = infrastructure.database();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.putAll(InfrastructureSettings.of(database, infrastructure.redis(), infrastructure.redisDatabase(),
                infrastructure.kafkaBootstrapServers()));
        properties.put("server.port", 0);
        properties.put("wagate.kafka.partitions", 2);
        // Platform events are not this test's business: the shared consumer groups stay with the other contexts.
        properties.put("spring.kafka.listener.auto-startup", false);
        properties.put("wagate.webhooks.attempt-group-prefix", "restart-" + UUID.randomUUID() + ".");
        properties.put("wagate.webhooks.secret-key", WebhookIntegrationTest.SECRET_KEY);
        properties.put("wagate.webhooks.allowed-insecure-hosts", "127.0.0.1");
        properties.put("wagate.webhooks.allowed-private-hosts", "127.0.0.1");
        properties.put("wagate.webhooks.retry-schedule", "0s,2s,2s,2s");
        properties.put("wagate.webhooks.retry-jitter", 0);
        properties.put("wagate.webhooks.request-timeout", "20s");
        properties.put("wagate.webhooks.shutdown-grace", "0s");
        // Every event's retry can be in flight at once when the dispatcher stops.
        properties.put("wagate.webhooks.max-concurrency-per-endpoint", 2 * EVENTS);
        properties.put("wagate.webhooks.circuit-breaker.minimum-calls", 100);
        properties.put("wagate.webhooks.circuit-breaker.window", 100);
        properties.put("wagate.webhooks.rate-limit.per-second", 100);
        return properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue()).toList();
    }

    private static ConfigurableApplicationContext start(List<String> arguments) {
        return new SpringApplicationBuilder(WebhookDispatcherApplication.class).run(arguments.toArray(String[]::new));
    }

    private static WebTestClient client(ConfigurableApplicationContext context) {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + context.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    private static long attempts(DatabaseClient database, UUID endpointId, int status) {
        return database.sql("SELECT count(*) FROM delivery_attempt WHERE endpoint_id = :id AND status_code = :status")
                .bind("id", endpointId).bind("status", status).map(row -> row.get(0, Long.class)).one().block();
    }

    private static List<String> log(DatabaseClient database, UUID endpointId) {
        return database.sql("SELECT webhook_id, attempt, status_code, error_class, created_at FROM delivery_attempt "
                        + "WHERE endpoint_id = :id ORDER BY created_at")
                .bind("id", endpointId)
                .map(row -> row.get(0, String.class) + " #" + row.get(1, Integer.class) + " " + row.get(2, Integer.class)
                        + " " + row.get(3, String.class) + " " + row.get(4, java.time.Instant.class))
                .all().collectList().block();
    }

    private static Set<String> successes(DatabaseClient database, UUID endpointId) {
        return database.sql("SELECT webhook_id FROM delivery_attempt WHERE endpoint_id = :id AND status_code = 200")
                .bind("id", endpointId).map(row -> row.get(0, String.class)).all().collect(Collectors.toSet())
                .block();
    }
}
