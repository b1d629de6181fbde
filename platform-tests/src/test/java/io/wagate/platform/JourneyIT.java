package io.wagate.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.testsupport.StandardWebhooksVerifier;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole platform as it runs for real (every service its own process, started by the run command), driven only
 * through the gateway's public API and the sandbox's phone API, as a user's program and phone would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JourneyIT {

    private static final Duration SOON = Duration.ofSeconds(60);
    private static final String PASSWORD = "correct horse battery staple";

    private LocalPlatform platform;
    private PublicApi gateway;
    private PublicApi sandbox;
    private WebhookSink sink;

    @BeforeAll
    void startPlatform() throws Exception {
        platform = LocalPlatform.start(Duration.ofMinutes(6));
        gateway = new PublicApi("http://127.0.0.1:" + platform.port("WAGATE_GATEWAY_PORT"));
        sandbox = new PublicApi("http://127.0.0.1:" + platform.port("WAGATE_SANDBOX_PORT"));
        sink = new WebhookSink();
    }

    @AfterAll
    void stopPlatform() throws Exception {
        if (sink != null) {
            sink.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aNewTenantLinksANumberAndReceivesSignedWebhooksAcrossAWorkerRestart() throws Exception {
        String token = signUp("journey");
        String instanceId = gateway.post("/api/instances", token,
                        Map.of("name", "sales-bot", "engine", "sandbox", "description", "Sales line"))
                .expect(201).text("id");
        String apiKey = createApiKey(token, instanceId, "my-app");
        assertThat(apiKey).startsWith("wg_test_");

        // The dispatcher learns the instance's name from the instance events: retry until it has.
        PublicApi.Answer endpoint = Eventually.await("webhook endpoint created", SOON,
                () -> gateway.post("/api/webhooks/endpoints", apiKey, Map.of("instance", "sales-bot", "url", sink.url(),
                        "eventTypes", List.of("session.status", "session.qr"))),
                answer -> answer.status() != 404 && answer.status() != 422);
        String secret = endpoint.expect(201).text("secret");
        assertThat(secret).startsWith("whsec_");

        try (LiveEvents live = new LiveEvents(gateway, "/api/instances/events?instance=sales-bot", token)) {
            gateway.post("/api/instances/sales-bot/connect", apiKey, null).expect(202);
            Eventually.await("QR_REQUIRED", SOON, () -> state("sales-bot", apiKey),
                    "QR_REQUIRED"::equals);

            // The status and the QR code are separate events: the code may follow the status by a moment.
            Eventually.await("QR code available", SOON,
                    () -> gateway.get("/api/instances/sales-bot/qr?format=raw", apiKey).status(), status -> status == 200);
            String qr = QrImages.decode(gateway.getBytes("/api/instances/sales-bot/qr?format=png", apiKey));
            String phone = sandbox.post("/api/sandbox/phones", null, Map.of("pushName", "Ann phone"))
                    .expect(201).text("number");
            sandbox.post("/api/sandbox/phones/" + phone + "/scan", null, Map.of("qr", qr)).expect(200);

            Eventually.await("CONNECTED on the live stream", SOON, live::events, events -> events.stream()
                    .anyMatch(event -> event.name().equals("status")
                            && event.data().get("data").get("status").asString().equals("CONNECTED")));
        }
        WebhookSink.Received connected = awaitWebhook("session.status", "CONNECTED", 1);
        assertThat(StandardWebhooksVerifier.verify(secret, connected.webhookId(), connected.timestamp(),
                connected.signature(), connected.body())).as("signature of %s", connected.body()).isTrue();
        assertThat(connected.data("instance")).isEqualTo("sales-bot");
        assertThat(countWebhooks("session.qr", null)).as("QR codes before the scan").isPositive();

        Instant restartedAt = Instant.now();
        platform.restart("session-worker", Duration.ofMinutes(2));
        WebhookSink.Received reconnected = awaitWebhook("session.status", "CONNECTED", 2);
        assertThat(StandardWebhooksVerifier.verify(secret, reconnected.webhookId(), reconnected.timestamp(),
                reconnected.signature(), reconnected.body())).isTrue();
        assertThat(sink.received()).as("no QR code after the worker restart")
                .filteredOn(hook -> hook.type().equals("session.qr"))
                .allSatisfy(hook -> assertThat(Instant.parse(hook.json().get("timestamp").asString()))
                        .isBefore(restartedAt));
        assertThat(state("sales-bot", apiKey)).isEqualTo("CONNECTED");

        gateway.post("/api/instances/sales-bot/logout", apiKey, null).expect(202);
        WebhookSink.Received loggedOut = Eventually.await("DISCONNECTED(logged_out) delivered", SOON,
                () -> sink.received().stream().filter(hook -> hook.type().equals("session.status")
                        && "DISCONNECTED".equals(hook.data("status")) && "logged_out".equals(hook.data("reason")))
                        .findFirst(), Optional::isPresent).orElseThrow();
        assertThat(StandardWebhooksVerifier.verify(secret, loggedOut.webhookId(), loggedOut.timestamp(),
                loggedOut.signature(), loggedOut.body())).isTrue();

        assertThat(sandbox.get("/api/sandbox/connections/overlaps", null).expect(200).json())
                .as("no instance ever had two live connections").isEmpty();
    }

    @Test
    void theSixthInstanceOnTheBasicPlanIsRefused() {
        String token = signUp("limits");
        for (int i = 1; i <= 5; i++) {
            gateway.post("/api/instances", token, Map.of("name", "line-" + i, "engine", "sandbox")).expect(201);
        }
        PublicApi.Answer sixth = gateway.post("/api/instances", token, Map.of("name", "line-6", "engine", "sandbox"))
                .expect(403);
        assertThat(sixth.contentType()).startsWith("application/problem+json");
        assertThat(sixth.text("type")).isEqualTo("https://wagate.io/problems/plan-limit-reached");
        assertThat(sixth.json().get("limit").asInt()).isEqualTo(5);
    }

    @Test
    void anInstancesApiKeyCannotTouchAnotherInstance() {
        String token = signUp("isolation");
        String first = gateway.post("/api/instances", token, Map.of("name", "first", "engine", "sandbox"))
                .expect(201).text("id");
        gateway.post("/api/instances", token, Map.of("name", "second", "engine", "sandbox")).expect(201);
        String key = createApiKey(token, first, "first-only");

        assertThat(gateway.get("/api/instances/first", key).status()).isEqualTo(200);
        List<PublicApi.Answer> refused = List.of(
                gateway.get("/api/instances/second", key),
                gateway.post("/api/instances/second/connect", key, null),
                gateway.post("/api/instances/second/logout", key, null),
                gateway.get("/api/instances/second/qr?format=raw", key),
                gateway.post("/api/webhooks/endpoints", key, Map.of("instance", "second", "url", sink.url(),
                        "eventTypes", List.of("*"))));
        assertThat(refused).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.body()).isIn(403, 404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        });
    }

    private String state(String instance, String bearer) {
        return gateway.get("/api/instances/" + instance, bearer).expect(200).json().get("status").get("state")
                .asString();
    }

    private String createApiKey(String token, String instanceId, String name) {
        return gateway.createApiKey(token, instanceId, name,
                List.of("instance:read", "instance:control", "webhooks:manage")).text("key");
    }

    private String signUp(String who) {
        String email = who + "-" + UUID.randomUUID() + "@example.com";
        gateway.post("/api/auth/register", null, Map.of("email", email, "password", PASSWORD, "name", "Ann",
                "organization", "Acme " + who)).expect(201);
        return gateway.post("/api/auth/login", null, Map.of("email", email, "password", PASSWORD))
                .expect(200).text("accessToken");
    }

    /** The nth distinct event (by webhook-id: delivery is at-least-once, a redelivery keeps its id). */
    private WebhookSink.Received awaitWebhook(String type, String status, int nth) {
        List<WebhookSink.Received> matching = Eventually.await(nth + " x " + type + " " + status, SOON,
                () -> sink.received().stream()
                        .filter(hook -> hook.type().equals(type) && status.equals(hook.data("status")))
                        .filter(distinctBy(WebhookSink.Received::webhookId)).toList(),
                hooks -> hooks.size() >= nth);
        return matching.get(nth - 1);
    }

    private static <T> Predicate<T> distinctBy(Function<T, Object> key) {
        Set<Object> seen = new HashSet<>();
        return item -> seen.add(key.apply(item));
    }

    private long countWebhooks(String type, String status) {
        return sink.received().stream()
                .filter(hook -> hook.type().equals(type) && (status == null || status.equals(hook.data("status"))))
                .count();
    }
}
