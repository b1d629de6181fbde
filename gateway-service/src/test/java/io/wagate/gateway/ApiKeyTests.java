package io.wagate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.Topics;
import io.wagate.contracts.platform.ApiKeyRevoked;
import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.identity.PrincipalType;
import io.wagate.support.kafka.EventPublisher;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

class ApiKeyTests extends GatewayIntegrationTest {

    @Autowired
    EventPublisher events;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    record Key(String value, UUID keyId, UUID tenantId, UUID instanceId) {
    }

    static Key activeKey() {
        String value = "wg_test_" + UUID.randomUUID().toString().substring(0, 8) + "_" + UUID.randomUUID().toString().replace("-", "");
        Key key = new Key(value, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        auth.introspection.put(value, """
                {"active":true,"keyId":"%s","tenantId":"%s","instanceId":"%s","scopes":["messages:send","messages:read"],
                 "expiresAt":null,"addedLater":"ignored"}""".formatted(key.keyId(), key.tenantId(), key.instanceId()));
        return key;
    }

    @Test
    void anActiveKeyIsIntrospectedOnceThenServedFromTheCache() {
        Key key = activeKey();
        String probe = probe();
        for (int i = 0; i < 3; i++) {
            http().post().uri("/api/messages/text").header(HttpHeaders.AUTHORIZATION, "Bearer " + key.value())
                    .header(BackendRecorder.PROBE, probe).bodyValue("{}")
                    .exchange().expectStatus().isOk();
        }
        http().post().uri("/api/messages/text").header("X-Api-Key", key.value())
                .header(BackendRecorder.PROBE, probe).bodyValue("{}")
                .exchange().expectStatus().isOk();

        assertThat(auth.introspections(key.value())).isEqualTo(1);
        InternalIdentity identity = identityReceived(backend, probe);
        assertThat(identity.principalType()).isEqualTo(PrincipalType.API_KEY);
        assertThat(identity.principalId()).isEqualTo(key.keyId().toString());
        assertThat(identity.tenantId()).isEqualTo(key.tenantId());
        assertThat(identity.instanceId()).isEqualTo(key.instanceId());
        assertThat(identity.scopes()).containsExactlyInAnyOrder("messages:send", "messages:read");
        // The key itself never travels past the gateway.
        assertThat(backend.received.get(probe).get("X-Api-Key")).isNull();
        assertThat(backend.received.get(probe).get(HttpHeaders.AUTHORIZATION)).isNull();
    }

    @Test
    void concurrentRequestsOfANewKeyShareOneIntrospection() {
        Key key = activeKey();
        auth.introspectionDelays.put(key.value(), Duration.ofMillis(500));
        WebClient client = WebClient.create("http://localhost:" + port);
        List<Integer> statuses = Flux.range(0, 20)
                .flatMap(i -> client.post().uri("/api/messages/text")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + key.value()).bodyValue("{}")
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())), 20)
                .collectList().block(Duration.ofSeconds(30));

        assertThat(statuses).hasSize(20).containsOnly(200);
        assertThat(auth.introspections(key.value())).isEqualTo(1);
    }

    @Test
    void unknownKeysAreRejectedAndTheAnswerIsCachedBriefly() {
        String unknown = "wg_live_abcd1234_" + UUID.randomUUID().toString().replace("-", "");
        for (int i = 0; i < 2; i++) {
            AuthenticationTests.expectUnauthorized(http().get().uri("/api/instances")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + unknown).exchange())
                    .jsonPath("$.detail").isEqualTo("The API key is not valid");
        }
        assertThat(auth.introspections(unknown)).isEqualTo(1);
        AuthenticationTests.expectUnauthorized(http().get().uri("/api/instances")
                .header("X-Api-Key", "wg_malformed").exchange());
    }

    @Test
    void aRevokedKeyIsRejectedWithinASecondOfTheEvent() {
        await().atMost(Duration.ofSeconds(30)).until(() -> listeners.getListenerContainer("gateway-api-key-events")
                .getAssignedPartitions() != null && !listeners.getListenerContainer("gateway-api-key-events")
                .getAssignedPartitions().isEmpty());
        Key key = activeKey();
        http().get().uri("/api/instances").header(HttpHeaders.AUTHORIZATION, "Bearer " + key.value())
                .exchange().expectStatus().isOk();

        // auth-service revokes: its introspection says inactive from now on, and it publishes the event.
        auth.introspection.put(key.value(), "{\"active\":false}");
        events.publish(Topics.API_KEY_EVENTS, key.tenantId().toString(), CloudEvent.create("/auth-service",
                key.tenantId().toString(), key.instanceId().toString(), null,
                new ApiKeyRevoked(key.keyId(), key.tenantId(), key.instanceId(), "abcd", "revoked_by_user"))).block();
        // Published = acknowledged by the broker; from here the gateway has one second.
        long published = System.nanoTime();

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(25)).until(() -> http().get()
                .uri("/api/instances").header(HttpHeaders.AUTHORIZATION, "Bearer " + key.value())
                .exchange().expectBody().returnResult().getStatus().value() == 401);
        assertThat(Duration.ofNanos(System.nanoTime() - published)).isLessThan(Duration.ofSeconds(1));
        assertThat(auth.introspections(key.value())).isEqualTo(2);
    }
}
