package io.wagate.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wagate.contracts.session.SessionReason;
import io.wagate.contracts.session.SessionStatus;
import io.wagate.contracts.session.SessionStatusChanged;
import io.wagate.support.identity.InternalTokens;
import io.wagate.testsupport.StandardWebhooksVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class ReplayTests extends WebhookIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PROBLEMS = "https://wagate.io/problems/";

    @Test
    void aRangeAndSingleDeliveriesAreSentAgainUnderTheSameWebhookIds() {
        Tenant tenant = newTenant();
        Instance instance = instance(tenant);
        try (Sink sink = new Sink(200)) {
            Map<String, Object> endpoint = endpoint(tenant, instance, sink.url(), "session.status");
            String id = (String) endpoint.get("id");
            Instant since = Instant.now().minusSeconds(60);
            for (int sequence = 1; sequence <= 3; sequence++) {
                sessionEvent(tenant, instance, new SessionStatusChanged(sequence, SessionStatus.RECONNECTING, null,
                        SessionReason.NETWORK, sequence, "replay-secret-" + sequence));
            }
            await().atMost(WAIT).until(() -> sink.received().size() == 3);
            List<String> original = webhookIds(sink.received());
            // Kept encrypted: the plain body is not in the table.
            byte[] stored = database.sql("SELECT body FROM delivery_payload WHERE webhook_id = :id")
                    .bind("id", original.getFirst()).map(row -> row.get(0, byte[].class)).one().block();
            assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("replay-secret");

            Map<?, ?> replayed = replayRange(tenant.developer(), id, Map.of("since", since.toString(),
                    "until", Instant.now().plusSeconds(60).toString()))
                    .expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
            assertThat(replayed.get("replayed")).isEqualTo(3);
            await().atMost(WAIT).until(() -> sink.received().size() == 6);
            List<Sink.Received> again = sink.received().subList(3, 6);
            assertThat(webhookIds(again)).containsExactlyInAnyOrderElementsOf(original);
            assertThat(again).allSatisfy(request -> assertThat(StandardWebhooksVerifier.verify(
                    (String) endpoint.get("secret"), request.header("webhook-id"), request.header("webhook-timestamp"),
                    request.header("webhook-signature"), request.body())).isTrue());
            assertThat(again.stream().map(Sink.Received::body).toList()).containsExactlyInAnyOrderElementsOf(
                    sink.received().subList(0, 3).stream().map(Sink.Received::body).toList());

            // Filters: every delivery succeeded, and none is a message event.
            replayRange(tenant.developer(), id, Map.of("since", since.toString(), "until",
                    Instant.now().plusSeconds(60).toString(), "outcome", "failed"))
                    .expectStatus().isAccepted().expectBody().jsonPath("$.replayed").isEqualTo(0);
            replayRange(tenant.developer(), id, Map.of("since", since.toString(), "until",
                    Instant.now().plusSeconds(60).toString(), "eventTypes", List.of("message.received")))
                    .expectStatus().isAccepted().expectBody().jsonPath("$.replayed").isEqualTo(0);

            String apiKey = tenant.apiKey(instance.id(), "webhooks:manage");
            replayOne(apiKey, id, original.get(1)).expectStatus().isAccepted()
                    .expectBody().jsonPath("$.webhookId").isEqualTo(original.get(1));
            await().atMost(WAIT).until(() -> sink.received().size() == 7);
            assertThat(sink.received().get(6).header("webhook-id")).isEqualTo(original.get(1));
            await().atMost(WAIT).until(() -> count("SELECT count(*) FROM delivery_attempt WHERE endpoint_id = :id "
                    + "AND status_code = 200", UUID.fromString(id)) == 7);

            // Another tenant's endpoint does not exist for it.
            Tenant other = newTenant();
            replayOne(other.developer(), id, original.getFirst()).expectStatus().isNotFound();
            replayRange(other.developer(), id, Map.of("since", since.toString(), "until", Instant.now().toString()))
                    .expectStatus().isNotFound();
            replayOne(tenant.developer(), id, "msg_00000000000000000000000000000000").expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

            // Past the retention the body is gone: a clear problem rather than a 404.
            database.sql("UPDATE delivery_payload SET created_at = now() - interval '8 days' WHERE webhook_id = :id")
                    .bind("id", original.get(2)).then().block();
            replayOne(tenant.developer(), id, original.get(2)).expectStatus().isEqualTo(410)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "webhook-replay-expired")
                    .jsonPath("$.webhookId").isEqualTo(original.get(2));
        }
    }

    @Test
    void badReplayRequestsGetProblems() {
        Tenant tenant = newTenant();
        Instance instance = instance(tenant);
        String id = (String) endpoint(tenant, instance, "https://93.184.215.14/replay", "*").get("id");
        String now = Instant.now().toString();
        String earlier = Instant.now().minusSeconds(60).toString();
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("since", now, "until", earlier),
                Map.of("since", earlier),
                Map.of("since", earlier, "until", now, "outcome", "maybe"),
                Map.of("since", earlier, "until", now, "eventTypes", List.of("session.nope")),
                Map.of("since", "yesterday", "until", now),
                Map.of("since", earlier, "until", now, "color", "red"))) {
            replayRange(tenant.developer(), id, body).expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        replayRange(tenant.user(), id, Map.of("since", earlier, "until", now)).expectStatus().isForbidden();
        http.patch().uri(ENDPOINTS + "/" + id).header(InternalTokens.HEADER, tenant.developer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("enabled", false)).exchange()
                .expectStatus().isOk();
        replayRange(tenant.developer(), id, Map.of("since", earlier, "until", now)).expectStatus().isEqualTo(409);
    }

    private WebTestClient.ResponseSpec replayRange(String token, String endpointId, Map<String, ?> body) {
        return http.post().uri(ENDPOINTS + "/" + endpointId + "/replay").header(InternalTokens.HEADER, token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec replayOne(String token, String endpointId, String webhookId) {
        return http.post().uri(ENDPOINTS + "/" + endpointId + "/deliveries/" + webhookId + "/replay")
                .header(InternalTokens.HEADER, token).exchange();
    }

    private static List<String> webhookIds(List<Sink.Received> received) {
        return received.stream().map(request -> request.header("webhook-id")).toList();
    }
}
