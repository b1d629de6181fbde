package io.wagate.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.EventCodec;
import io.wagate.contracts.Topics;
import io.wagate.contracts.webhook.WebhookEndpointDisabled;
import io.wagate.testsupport.KafkaTopicReader;
import io.wagate.testsupport.StandardWebhooksVerifier;
import io.wagate.contracts.message.MessageReceived;
import io.wagate.contracts.platform.InstanceDeleted;
import io.wagate.contracts.platform.TenantDeleted;
import io.wagate.contracts.session.SessionReason;
import io.wagate.contracts.session.SessionStatus;
import io.wagate.contracts.session.SessionStatusChanged;
import io.wagate.support.identity.InternalTokens;
import io.wagate.webhook.delivery.DeliveryTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DeliveryTests extends WebhookIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    MeterRegistry meters;

    @Test
    void eventsAreDeliveredSignedToTheEndpointsThatSubscribed() {
        Tenant tenant = newTenant();
        Instance instance = instance(tenant);
        try (Sink all = new Sink(200); Sink messagesOnly = new Sink(204)) {
            Map<String, Object> everything = endpoint(tenant, instance, all.url(), "*");
            endpoint(tenant, instance, messagesOnly.url(), "message.received");

            CloudEvent<?> status = sessionEvent(tenant, instance, new SessionStatusChanged(1, SessionStatus.CONNECTED,
                    SessionStatus.QR_REQUIRED, SessionReason.LOGGED_IN, 0, null));
            await().atMost(WAIT).until(() -> all.received().size() == 1);

            Sink.Received request = all.received().getFirst();
            String secret = (String) everything.get("secret");
            assertThat(request.header("webhook-id")).startsWith("msg_");
            assertThat(request.header("content-type")).startsWith("application/json");
            assertThat(StandardWebhooksVerifier.verify(secret, request.header("webhook-id"),
                    request.header("webhook-timestamp"), request.header("webhook-signature"), request.body())).isTrue();
            JsonNode body = JSON.readTree(request.body());
            assertThat(body.get("type").asString()).isEqualTo("session.status");
            assertThat(Instant.parse(body.get("timestamp").asString())).isEqualTo(status.time());
            assertThat(body.get("data").get("instance").asString()).isEqualTo(instance.name());
            assertThat(body.get("data").get("status").asString()).isEqualTo("CONNECTED");
            assertThat(body.get("data").get("previous").asString()).isEqualTo("QR_REQUIRED");
            assertThat(body.get("data").get("reason").asString()).isEqualTo("logged_in");

            messageEvent(tenant, instance, new MessageReceived("wamid-1", "4915100000000@s.whatsapp.net",
                    "4915100000000@s.whatsapp.net", "Ana", "text", "hello", Instant.now()));
            await().atMost(WAIT).until(() -> messagesOnly.received().size() == 1 && all.received().size() == 2);
            assertThat(messagesOnly.received()).allSatisfy(received ->
                    assertThat(JSON.readTree(received.body()).get("type").asString()).isEqualTo("message.received"));
            assertThat(JSON.readTree(messagesOnly.received().getFirst().body()).get("data").get("text").asString())
                    .isEqualTo("hello");
            UUID endpointId = UUID.fromString((String) everything.get("id"));
            await().atMost(WAIT).until(() -> count("SELECT count(*) FROM delivery_attempt WHERE endpoint_id = :id "
                    + "AND status_code = 200 AND attempt = 1", endpointId) == 2);
            assertThat(meters.get("wagate.webhooks.attempts").tags("type", "session.status", "outcome", "success")
                    .counter().count()).isPositive();
            assertThat(meters.get("wagate.webhooks.attempt.latency").timer().count()).isPositive();
            assertThat(meters.find("wagate.webhooks.attempts").tags("type", "message.received", "outcome", "dropped")
                    .counter()).isNull();
        }
    }

    @Test
    void failedAttemptsFollowTheScheduleWithTheSameWebhookIdThenDeadLetter() {
        Tenant tenant = newTenant();
        Instance instance = instance(tenant);
        try (Sink failing = new Sink(500)) {
            Map<String, Object> endpoint = endpoint(tenant, instance, failing.url(), "session.status");
            UUID endpointId = UUID.fromString((String) endpoint.get("id"));

            sessionEvent(tenant, instance, new SessionStatusChanged(1, SessionStatus.ERROR, null, SessionReason.BANNED,
                    0, "banned"));
            await().atMost(WAIT).until(() -> failing.received().size() == 3);

            List<Sink.Received> attempts = failing.received();
            assertThat(attempts).extracting(received -> received.header("webhook-id")).containsOnly(
                    attempts.getFirst().header("webhook-id"));
            assertThat(attempts).allSatisfy(received -> assertThat(StandardWebhooksVerifier.verify(
                    (String) endpoint.get("secret"), received.header("webhook-id"), received.header("webhook-timestamp"),
                    received.header("webhook-signature"), received.body())).isTrue());
            // The compressed schedule: 0 s, 300 ms, 600 ms.
            assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at())).isGreaterThanOrEqualTo(
                    Duration.ofMillis(280));
            assertThat(Duration.between(attempts.get(1).at(), attempts.get(2).at())).isGreaterThanOrEqualTo(
                    Duration.ofMillis(580));
            await().atMost(WAIT).until(() -> count("SELECT count(*) FROM delivery_attempt WHERE endpoint_id = :id "
                    + "AND status_code = 500", endpointId) == 3);
            assertThat(deadLetters(endpointId.toString())).hasSize(1);
            assertThat(failing.received()).hasSize(3);
        }
    }

    @Test
    void aFailingEndpointsCircuitOpensAndLaterAttemptsFailWithoutCalling() {
        Tenant tenant = newTenant();
        Instance instance = instance(tenant);
        try (Sink failing = new Sink(503)) {
            UUID endpointId = UUID.fromString((String) endpoint(tenant, instance, failing.url(), "*").get("id"));
            for (int sequence = 1; sequence <= 3; sequence++) {
                sessionEvent(tenant, instance, new SessionStatusChanged(sequence, SessionStatus.RECONNECTING, null,
                        SessionReason.NETWORK, sequence, null));
            }

            // 3 events x 3 attempts; the circuit (4 calls, 50 %) opens after the fourth failure.
            await().atMost(WAIT).until(() -> count("SELECT count(*) FROM delivery_attempt WHERE endpoint_id = :id",
                    endpointId) == 9);
            assertThat(count("SELECT count(*) FROM delivery_attempt WHERE endpoint_id = :id "
                    + "AND error_class = 'CircuitOpen' AND status_code IS NULL", endpointId)).isGreaterThanOrEqualTo(3);
            assertThat(failing.received().size()).isBetween(4, 6);
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
                    .until(() -> deadLetters(endpointId.toString()).size() == 3);
        }
    }

    @Test
    void retryAfterIsHonouredBySkippingToAnAttemptThatWaitsLongEnough() {
        Tenant tenant = newTenant();
        Instance instance = instance(tenant);
        try (Sink busy = new Sink(429, Map.of("Retry-After", "1"))) {
            UUID endpointId = UUID.fromString((String) endpoint(tenant, instance, busy.url(), "*").get("id"));
            sessionEvent(tenant, instance, new SessionStatusChanged(1, SessionStatus.CONNECTED, null,
                    SessionReason.LOGGED_IN, 0, null));

            // Schedule 0 s, 300 ms, 600 ms: no retry waits 1 s, so the second request is the last attempt, after 1 s.
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
                    .until(() -> deadLetters(endpointId.toString()).size() == 1);
            List<Sink.Received> requests = busy.received();
            assertThat(requests).hasSize(2);
            assertThat(Duration.between(requests.get(0).at(), requests.get(1).at()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(950));
            assertThat(database.sql("SELECT attempt FROM delivery_attempt WHERE endpoint_id = :id ORDER BY attempt")
                    .bind("id", endpointId).map(row -> row.get(0, Integer.class)).all().collectList().block())
                    .containsExactly(1, 3);
        }
    }

    @Test
    void endpointsFailingForDaysAreDisabledAndASuccessEndsTheFailureRun() {
        Tenant tenant = newTenant();
        Instance instance = instance(tenant);
        try (Sink failing = new Sink(500); Sink healthy = new Sink(200)) {
            UUID broken = UUID.fromString((String) endpoint(tenant, instance, failing.url(), "*").get("id"));
            UUID recovering = UUID.fromString((String) endpoint(tenant, instance, healthy.url(), "*").get("id"));
            for (UUID id : List.of(broken, recovering)) {
                database.sql("UPDATE endpoint SET failing_since = now() - interval '6 days' WHERE id = :id")
                        .bind("id", id).then().block();
            }

            sessionEvent(tenant, instance, new SessionStatusChanged(1, SessionStatus.ERROR, null, SessionReason.BANNED,
                    0, null));

            await().atMost(WAIT).until(() -> count("SELECT count(*) FROM endpoint WHERE id = :id AND NOT enabled "
                    + "AND disabled_reason = 'failing'", broken) == 1);
            await().atMost(WAIT).until(() -> count("SELECT count(*) FROM endpoint WHERE id = :id AND enabled "
                    + "AND failing_since IS NULL", recovering) == 1);
            WebhookEndpointDisabled event = disabledEvent(tenant, broken);
            assertThat(event.reason()).isEqualTo("failing");
            assertThat(event.instanceId()).isEqualTo(instance.id());
            assertThat(event.failingSince()).isBefore(Instant.now().minus(Duration.ofDays(5)));
            http.patch().uri(ENDPOINTS + "/" + broken).header(InternalTokens.HEADER, tenant.developer())
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("enabled", true)).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.enabled").isEqualTo(true).jsonPath("$.failingSince").doesNotExist()
                    .jsonPath("$.disabledReason").doesNotExist();
        }
    }

    @Test
    void redirectsAreNeverFollowed() {
        Tenant tenant = newTenant();
        Instance instance = instance(tenant);
        try (Sink target = new Sink(200); Sink redirecting = new Sink(307, Map.of("Location", target.url()))) {
            UUID endpointId = UUID.fromString((String) endpoint(tenant, instance, redirecting.url(), "*").get("id"));
            sessionEvent(tenant, instance, new SessionStatusChanged(1, SessionStatus.CONNECTED, null,
                    SessionReason.LOGGED_IN, 0, null));

            // A redirect could lead past the SSRF guard's decision, so it is a failed attempt like any non-2xx.
            await().atMost(WAIT).until(() -> count("SELECT count(*) FROM delivery_attempt WHERE endpoint_id = :id "
                    + "AND status_code = 307", endpointId) == 3);
            assertThat(redirecting.received()).hasSize(3);
            assertThat(target.received()).isEmpty();
        }
    }

    @Test
    void burstsAreSpreadByThePerEndpointRateLimit() {
        Tenant tenant = newTenant();
        Instance instance = instance(tenant);
        try (Sink sink = new Sink(200)) {
            String id = (String) endpoint(tenant, instance, sink.url(), "webhook.test").get("id");
            for (int i = 0; i < 11; i++) {
                http.post().uri(ENDPOINTS + "/" + id + "/test?wait=false")
                        .header(InternalTokens.HEADER, tenant.developer()).exchange().expectStatus().isAccepted();
            }

            // 5 per second (test configuration): 11 requests need three periods, so they span at least one second.
            await().atMost(WAIT).until(() -> sink.received().size() == 11);
            List<Sink.Received> requests = sink.received();
            assertThat(Duration.between(requests.getFirst().at(), requests.getLast().at()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(900));
            // An attempt is recorded once its answer is in, so the sink sees the last request a moment before.
            String attempts = "SELECT count(*) FROM delivery_attempt WHERE endpoint_id = :id AND status_code = 200";
            await().atMost(WAIT).until(() -> count(attempts, UUID.fromString(id)) >= 11);
            assertThat(count(attempts, UUID.fromString(id))).isEqualTo(11);
        }
    }

    @Test
    void gone410DisablesTheEndpointWithoutRetrying() {
        Tenant tenant = newTenant();
        Instance instance = instance(tenant);
        try (Sink gone = new Sink(410)) {
            String id = (String) endpoint(tenant, instance, gone.url(), "*").get("id");
            sessionEvent(tenant, instance, new SessionStatusChanged(1, SessionStatus.DISCONNECTED, null,
                    SessionReason.REQUESTED, 0, null));

            await().atMost(WAIT).until(() -> count("SELECT count(*) FROM endpoint WHERE id = :id AND NOT enabled "
                    + "AND disabled_reason = 'gone'", UUID.fromString(id)) == 1);
            http.get().uri(ENDPOINTS + "/" + id).header(InternalTokens.HEADER, tenant.developer()).exchange()
                    .expectBody().jsonPath("$.enabled").isEqualTo(false).jsonPath("$.disabledReason").isEqualTo("gone");
            WebhookEndpointDisabled event = disabledEvent(tenant, UUID.fromString(id));
            assertThat(event.reason()).isEqualTo("gone");
            assertThat(event.tenantId()).isEqualTo(tenant.id());
            assertThat(event.failingSince()).isNull();
            sessionEvent(tenant, instance, new SessionStatusChanged(2, SessionStatus.CONNECTED, null,
                    SessionReason.REQUESTED, 0, null));
            await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5))
                    .until(() -> gone.received().size() == 1);
        }
    }

    @Test
    void duringARotationBothSecretsSign() {
        Tenant tenant = newTenant();
        Instance instance = instance(tenant);
        try (Sink sink = new Sink(200)) {
            Map<String, Object> created = endpoint(tenant, instance, sink.url(), "session.status");
            String oldSecret = (String) created.get("secret");
            Map<?, ?> rotated = http.post().uri(ENDPOINTS + "/" + created.get("id") + "/rotate-secret")
                    .header(InternalTokens.HEADER, tenant.developer()).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("overlapSeconds", 600)).exchange()
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            String newSecret = (String) rotated.get("secret");

            sessionEvent(tenant, instance, new SessionStatusChanged(1, SessionStatus.CONNECTED, null,
                    SessionReason.LOGGED_IN, 0, null));
            await().atMost(WAIT).until(() -> sink.received().size() == 1);

            Sink.Received request = sink.received().getFirst();
            assertThat(request.header("webhook-signature").split(" ")).hasSize(2);
            for (String secret : List.of(oldSecret, newSecret)) {
                assertThat(StandardWebhooksVerifier.verify(secret, request.header("webhook-id"),
                        request.header("webhook-timestamp"), request.header("webhook-signature"), request.body()))
                        .isTrue();
            }
        }
    }

    @Test
    void testSendsAreDeliveredAndEveryAttemptIsInTheLog() {
        Tenant tenant = newTenant();
        Instance instance = instance(tenant);
        try (Sink sink = new Sink(200)) {
            String id = (String) endpoint(tenant, instance, sink.url(), "message.status").get("id");
            Map<?, ?> sent = testSend(tenant, id);

            // The answer already says how the receiver answered the first attempt.
            assertThat(sent.get("attempt")).isEqualTo(Map.of("delivered", true, "statusCode", 200,
                    "latencyMs", ((Map<?, ?>) sent.get("attempt")).get("latencyMs")));
            assertThat(sink.received()).hasSize(1);
            Sink.Received request = sink.received().getFirst();
            assertThat(request.header("webhook-id")).isEqualTo(sent.get("webhookId"));
            JsonNode body = JSON.readTree(request.body());
            assertThat(body.get("type").asString()).isEqualTo("webhook.test");
            assertThat(body.get("data").get("instance").asString()).isEqualTo(instance.name());

            await().atMost(WAIT).until(() -> count("SELECT count(*) FROM delivery_attempt WHERE endpoint_id = :id",
                    UUID.fromString(id)) == 1);
            http.get().uri(ENDPOINTS + "/" + id + "/attempts").header(InternalTokens.HEADER, tenant.developer())
                    .exchange().expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.length()").isEqualTo(1)
                    .jsonPath("$[0].webhookId").isEqualTo(sent.get("webhookId"))
                    .jsonPath("$[0].eventId").isEqualTo(sent.get("eventId"))
                    .jsonPath("$[0].type").isEqualTo("webhook.test")
                    .jsonPath("$[0].attempt").isEqualTo(1)
                    .jsonPath("$[0].statusCode").isEqualTo(200);
            http.get().uri(ENDPOINTS + "/" + id + "/attempts").header(InternalTokens.HEADER, newTenant().developer())
                    .exchange().expectStatus().isNotFound();
            http.post().uri(ENDPOINTS + "/" + id + "/test").header(InternalTokens.HEADER, newTenant().developer())
                    .exchange().expectStatus().isNotFound();

            http.patch().uri(ENDPOINTS + "/" + id).header(InternalTokens.HEADER, tenant.developer())
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("enabled", false)).exchange()
                    .expectStatus().isOk();
            http.post().uri(ENDPOINTS + "/" + id + "/test").header(InternalTokens.HEADER, tenant.developer())
                    .exchange().expectStatus().isEqualTo(409);
        }
    }

    @Test
    void aTestSendReportsAFailingReceiverAndTheJobIsRetried() {
        Tenant tenant = newTenant();
        Instance instance = instance(tenant);
        try (Sink failing = new Sink(503)) {
            String id = (String) endpoint(tenant, instance, failing.url(), "*").get("id");

            Map<?, ?> sent = testSend(tenant, id);

            Map<?, ?> attempt = (Map<?, ?>) sent.get("attempt");
            assertThat(attempt.get("delivered")).isEqualTo(false);
            assertThat(attempt.get("statusCode")).isEqualTo(503);
            // Like any delivery, the failed test goes on through the retry schedule, under the same webhook id.
            await().atMost(WAIT).until(() -> failing.received().size() >= 2);
            assertThat(failing.received()).extracting(request -> request.header("webhook-id"))
                    .containsOnly((String) sent.get("webhookId"));
        }
    }

    @Test
    void theDeliveryLogIsFilteredByTypeOutcomeTimeAndIds() throws InterruptedException {
        Tenant tenant = newTenant();
        Instance instance = instance(tenant);
        try (Sink sink = new Sink(200)) {
            String id = (String) endpoint(tenant, instance, sink.url(), "*").get("id");
            UUID endpointId = UUID.fromString(id);
            Map<?, ?> delivered = testSend(tenant, id);
            sessionEvent(tenant, instance, new SessionStatusChanged(1, SessionStatus.CONNECTED, null,
                    SessionReason.LOGGED_IN, 0, null));
            await().atMost(WAIT).until(() -> count("SELECT count(*) FROM delivery_attempt WHERE endpoint_id = :id",
                    endpointId) == 2);
            Thread.sleep(50);
            Instant between = Instant.now();
            Thread.sleep(50);
            sink.answer(503);
            Map<?, ?> failed = testSend(tenant, id);
            // The failed test goes through the whole (test) retry schedule: three attempts.
            await().atMost(WAIT).until(() -> count("SELECT count(*) FROM delivery_attempt WHERE endpoint_id = :id",
                    endpointId) == 5);

            assertThat(listed(tenant, id, "type=session.status")).extracting(attempt -> attempt.get("type"))
                    .containsExactly("session.status");
            assertThat(listed(tenant, id, "outcome=failed")).hasSize(3)
                    .allSatisfy(attempt -> assertThat(attempt.get("webhookId")).isEqualTo(failed.get("webhookId")));
            assertThat(listed(tenant, id, "outcome=succeeded")).hasSize(2)
                    .allSatisfy(attempt -> assertThat(attempt.get("statusCode")).isEqualTo(200));
            assertThat(listed(tenant, id, "since=" + between)).hasSize(3);
            assertThat(listed(tenant, id, "until=" + between)).hasSize(2);
            assertThat(listed(tenant, id, "webhookId=" + delivered.get("webhookId"))).hasSize(1);
            assertThat(listed(tenant, id, "eventId=" + failed.get("eventId") + "&limit=2")).hasSize(2)
                    .extracting(attempt -> attempt.get("attempt")).containsExactly(3, 2);
            assertThat(listed(tenant, id, "type=webhook.test&outcome=succeeded&until=" + between)).hasSize(1);

            for (String bad : List.of("outcome=maybe", "since=yesterday", "type=nope", "until=2026-13-01T00:00:00Z",
                    "since=" + between + "&until=" + between, "webhookId=" + "x".repeat(201), "limit=0")) {
                http.get().uri(ENDPOINTS + "/" + id + "/attempts?" + bad)
                        .header(InternalTokens.HEADER, tenant.developer()).exchange()
                        .expectStatus().isBadRequest()
                        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody().jsonPath("$.type").isEqualTo("https://wagate.io/problems/validation-failed");
            }
            http.get().uri(ENDPOINTS + "/" + id + "/attempts?outcome=failed")
                    .header(InternalTokens.HEADER, newTenant().developer()).exchange().expectStatus().isNotFound();
        }
    }

    private Map<?, ?> testSend(Tenant tenant, String endpointId) {
        return http.post().uri(ENDPOINTS + "/" + endpointId + "/test").header(InternalTokens.HEADER,
                        tenant.developer()).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private List<Map<String, Object>> listed(Tenant tenant, String endpointId, String query) {
        return http.get().uri(ENDPOINTS + "/" + endpointId + "/attempts?" + query)
                .header(InternalTokens.HEADER, tenant.developer()).exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).returnResult().getResponseBody();
    }

    @Test
    void aClosedTenantsEndpointsAreRemoved() {
        Tenant tenant = newTenant();
        Instance instance = instance(tenant);
        String id = (String) endpoint(tenant, instance, "https://93.184.215.14/closed", "*").get("id");

        publish(Topics.TENANT_EVENTS, tenant.id().toString(), CloudEvent.create("/auth-service",
                tenant.id().toString(), null, null, new TenantDeleted(tenant.id())));

        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM endpoint WHERE id = :id", UUID.fromString(id)) == 0);
        assertThat(count("SELECT count(*) FROM known_instance WHERE id = :id", instance.id())).isZero();
    }

    @Test
    void deletingTheInstanceRemovesItsEndpoints() {
        Tenant tenant = newTenant();
        Instance instance = instance(tenant);
        String id = (String) endpoint(tenant, instance, "https://93.184.215.14/gone", "*").get("id");

        publish(Topics.INSTANCE_EVENTS, instance.id().toString(), CloudEvent.create("/instance-service",
                tenant.id().toString(), instance.id().toString(), instance.name(),
                new InstanceDeleted(instance.id(), tenant.id(), instance.name())));

        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM endpoint WHERE id = :id", UUID.fromString(id)) == 0);
        assertThat(count("SELECT count(*) FROM known_instance WHERE id = :id", instance.id())).isZero();
    }

    /** The one operational event announcing that this endpoint was disabled (keyed by tenant). */
    private WebhookEndpointDisabled disabledEvent(Tenant tenant, UUID endpointId) {
        List<CloudEvent<?>> events = await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> new KafkaTopicReader(bootstrap).withKey(Topics.WEBHOOK_EVENTS, tenant.id().toString())
                        .stream().<CloudEvent<?>>map(record -> EventCodec.standard().decode(record.value()))
                        .filter(event -> event.data() instanceof WebhookEndpointDisabled disabled
                                && disabled.endpointId().equals(endpointId))
                        .toList(), found -> !found.isEmpty());
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().type()).isEqualTo("io.wagate.webhook.endpoint_disabled.v1");
        assertThat(events.getFirst().tenantId()).isEqualTo(tenant.id().toString());
        return (WebhookEndpointDisabled) events.getFirst().data();
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters(String key) {
        return new KafkaTopicReader(bootstrap).withKey(DeliveryTopics.DEAD_LETTER, key);
    }
}
