package io.wagate.instance;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.EventCodec;
import io.wagate.contracts.Topics;
import io.wagate.contracts.session.ConnectSession;
import io.wagate.contracts.session.DisconnectSession;
import io.wagate.contracts.session.Engine;
import io.wagate.contracts.session.LogoutSession;
import io.wagate.contracts.session.RequestPairingCode;
import io.wagate.contracts.session.ResetSession;
import io.wagate.contracts.session.RestartSession;
import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.identity.InternalTokens;
import io.wagate.testsupport.KafkaRecords;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class LifecycleCommandTests extends InstanceIntegrationTest {

    @Test
    void everyCommandLandsOnTheCommandTopicKeyedByInstanceWithAValidEnvelope() {
        Tenant tenant = newTenant();
        UUID id = createdInstance(tenant, "commanded");
        String developer = tenant.user(InternalIdentity.DEVELOPER);

        List<String> commandIds = List.of("connect", "disconnect", "restart", "logout", "reset").stream()
                .map(command -> accepted(post(developer, "/api/instances/commanded/" + command), command))
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        commandIds.add(accepted(http.post().uri("/api/instances/commanded/pairing-code")
                .header(InternalTokens.HEADER, developer)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phoneNumber", "+5511999998888"))
                .exchange(), "pairing-code"));

        List<ConsumerRecord<String, byte[]>> records = published(Topics.SESSION_COMMANDS, id.toString());
        assertThat(records).hasSize(6);
        List<CloudEvent<?>> events = records.stream().<CloudEvent<?>>map(r -> EventCodec.standard().decode(r.value()))
                .toList();
        assertThat(events).extracting(CloudEvent::id).containsExactlyElementsOf(commandIds);
        for (CloudEvent<?> event : events) {
            assertThat(event.source()).isEqualTo("/instance-service");
            assertThat(event.tenantId()).isEqualTo(tenant.id().toString());
            assertThat(event.instanceId()).isEqualTo(id.toString());
            assertThat(event.subject()).isEqualTo("commanded");
            assertThat(event.type()).startsWith("io.wagate.session.command.");
        }
        assertThat(KafkaRecords.text(records.getFirst())).contains("\"specversion\":\"1.0\"");
        assertThat(events.get(0).data()).isInstanceOfSatisfying(ConnectSession.class, connect -> {
            assertThat(connect.instanceName()).isEqualTo("commanded");
            assertThat(connect.engine()).isEqualTo(Engine.SANDBOX);
            assertThat(connect.requestedBy()).startsWith("user:");
        });
        assertThat(events.get(1).data()).isInstanceOf(DisconnectSession.class);
        assertThat(events.get(2).data()).isInstanceOf(RestartSession.class);
        assertThat(events.get(3).data()).isEqualTo(new LogoutSession(((LogoutSession) events.get(3).data()).requestedBy(),
                false));
        assertThat(events.get(4).data()).isInstanceOf(ResetSession.class);
        assertThat(events.get(5).data()).isInstanceOfSatisfying(RequestPairingCode.class,
                pairing -> assertThat(pairing.phoneNumber()).isEqualTo("5511999998888"));
        get(developer, "/api/instances/commanded").expectStatus().isOk()
                .expectBody().jsonPath("$.desiredState").isEqualTo("CONNECTED");
    }

    @Test
    void theSameIdempotencyKeyAnswersTheFirstCommandAndSendsNoSecond() {
        Tenant tenant = newTenant();
        UUID id = createdInstance(tenant, "idempotent");
        String owner = tenant.owner();

        String first = http.post().uri("/api/instances/idempotent/connect").header(InternalTokens.HEADER, owner)
                .header("Idempotency-Key", "retry-me-1").exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueEquals("Idempotent-Replayed", "false")
                .expectBody(Map.class).returnResult().getResponseBody().get("commandId").toString();
        String again = http.post().uri("/api/instances/idempotent/connect").header(InternalTokens.HEADER, tenant.owner())
                .header("Idempotency-Key", "retry-me-1").exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(Map.class).returnResult().getResponseBody().get("commandId").toString();
        http.post().uri("/api/instances/idempotent/restart").header(InternalTokens.HEADER, owner)
                .header("Idempotency-Key", "retry-me-1").exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://wagate.io/problems/idempotency-key-reused");

        assertThat(again).isEqualTo(first);
        assertThat(published(Topics.SESSION_COMMANDS, id.toString())).hasSize(1);
        assertThat(count("SELECT count(*) FROM idempotent_request WHERE tenant_id = :tenant", tenant.id())).isEqualTo(1);

        Tenant other = newTenant();
        createdInstance(other, "idempotent");
        http.post().uri("/api/instances/idempotent/connect").header(InternalTokens.HEADER, other.owner())
                .header("Idempotency-Key", "retry-me-1").exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueEquals("Idempotent-Replayed", "false");
    }

    @Test
    void apiKeysControlOnlyTheirOwnInstanceWithTheControlScope() {
        Tenant tenant = newTenant();
        UUID own = createdInstance(tenant, "key-owned");
        createdInstance(tenant, "key-foreign");

        post(tenant.apiKey(own, "instance:control"), "/api/instances/key-owned/restart").expectStatus().isAccepted();
        post(tenant.apiKey(own, "instance:read"), "/api/instances/key-owned/restart").expectStatus().isForbidden();
        post(tenant.apiKey(own, "instance:control"), "/api/instances/key-foreign/restart").expectStatus().isNotFound();
        post(tenant.user(InternalIdentity.VIEWER), "/api/instances/key-owned/connect").expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://wagate.io/problems/forbidden");
        assertThat(published(Topics.SESSION_COMMANDS, own.toString())).hasSize(1);
    }

    @Test
    void badPairingCodeRequestsAreRefused() {
        Tenant tenant = newTenant();
        UUID id = createdInstance(tenant, "pairing");
        for (String body : List.of("{\"phoneNumber\":\"12\"}", "{\"phoneNumber\":\"abc\"}", "{}",
                "{\"phoneNumber\":\"5511999998888\",\"extra\":1}", "{\"phoneNumber\":")) {
            http.post().uri("/api/instances/pairing/pairing-code").header(InternalTokens.HEADER, tenant.owner())
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        http.post().uri("/api/instances/pairing/connect").header(InternalTokens.HEADER, tenant.owner())
                .header("Idempotency-Key", "x".repeat(300)).exchange().expectStatus().isBadRequest();
        assertThat(published(Topics.SESSION_COMMANDS, id.toString())).isEmpty();
    }

    private static String accepted(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response,
            String command) {
        Map<?, ?> body = response.expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(body.get("command")).isEqualTo(command);
        assertThat(body.get("instance")).isEqualTo("commanded");
        return body.get("commandId").toString();
    }
}
